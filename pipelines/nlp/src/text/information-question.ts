// A plain request for information (请问…？, 想问一下, 在哪里办, 几点开门, 需要带哪些材料): the author
// asks and asserts nothing, so it carries no emotion and passes on no claim. Sentiment reads it as
// neutral and rumor risk as no claim (nlp-1.6.0, issue 9). Patterns run on the normalised text.

const INFORMATION_QUESTION =
  /请问|想问|问一下|问下|咨询一下|想咨询|有(?:人|谁)知道|谁知道|(?:在哪|哪里|哪个[^，。！？?]{0,4})(?:办|申请|领|交|报名|举行|可以)|几点(?:开门|上班|下班|开始|结束)|什么时候(?:公布|发放|开始|报名|截止|出|办)|需要(?:带|准备|提供)(?:哪些|什么)|怎么(?:办理|补办|申请|预约|报名|查询|缴费)|如何(?:办理|申请|预约|报名|查询)|开不开门|是多少[?？]/;
// 为什么/怎么还/到底 questions are complaints more often than not; "是真的吗" asks about a claim.
const NOT_A_PLAIN_QUESTION = /为什么|为啥|凭什么|怎么还|怎么又|到底|究竟|还要等|多久才|是真的吗|真的假的/;

/** The words that make a normalised post a plain request for information, if it is one. */
export function detectInformationQuestion(normalized: string): string | undefined {
  if (NOT_A_PLAIN_QUESTION.test(normalized)) return undefined;
  return INFORMATION_QUESTION.exec(normalized)?.[0];
}
