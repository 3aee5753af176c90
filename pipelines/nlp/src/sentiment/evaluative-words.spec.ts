import { analyze } from '../text/analyze-text';
import { evaluativeBalance } from './evaluative-words';

const balance = (text: string) => evaluativeBalance(analyze(text).tokens);

describe('evaluativeBalance', () => {
  it('counts praise words against complaint words', () => {
    expect(balance('谢谢税务局的小伙子，耐心讲了半个小时')).toBe(2);
    expect(balance('跑了三趟还是白跑，真折腾')).toBe(-2);
    expect(balance('窗口的人很热情，就是排队太慢')).toBe(0);
  });

  it('reads a negated word for the other side: 不满意, 不太方便, 没哭', () => {
    expect(balance('对处理结果很不满意')).toBe(-1);
    expect(balance('网上预约不太方便')).toBe(-1);
    expect(balance('护士很温柔，孩子打针都没哭')).toBe(2);
  });

  it('counts whole words only: 好 in 好多人 or 说好的 is no praise', () => {
    expect(balance('周末公园里好多人')).toBe(0);
    expect(balance('说好的补贴到现在都没发')).toBe(0);
  });
});
