import { commentsRawTopic, deadLetterTopic, itemsEnrichedTopic } from '@liaowang/contract';
import { kindOfDeadLetter } from './dead-letter-counter';

describe(kindOfDeadLetter.name, () => {
  const letter = deadLetterTopic.example;
  it('knows the kind by the raw topic, by the value of a later stage, or says unknown', () => {
    expect(kindOfDeadLetter({ ...letter, sourceTopic: commentsRawTopic.name })).toBe('comment');
    expect(kindOfDeadLetter({ ...letter, sourceTopic: itemsEnrichedTopic.name, value: '{"id":"x","kind":"impostor_report","text":"…' })).toBe('impostor_report');
    expect(kindOfDeadLetter({ ...letter, sourceTopic: itemsEnrichedTopic.name, value: '{"id": ' })).toBe('unknown');
  });
});
