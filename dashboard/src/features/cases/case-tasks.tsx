import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';
import { useCaseScope } from './case-context';
import { mayWork } from './case-controls';
import { fromBeijingInput } from './beijing-input';

function TaskForm() {
  const { t } = useTranslation();
  const { act, markDirty, username } = useCaseScope();
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState(username);
  const [due, setDue] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const dueAt = fromBeijingInput(due);
    if (!dueAt) return;
    if (await act((api, current) => api.addTask(current.id, { title: title.trim(), assignee: assignee.trim(), dueAt, version: current.version }))) {
      setTitle('');
      markDirty('task', false);
    }
  };
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    markDirty('task', true);
  };
  return (
    <form className="case-form case-form--inline" onSubmit={submit} data-testid="task-form">
      <input className="field__input case-form__grow" placeholder={t('cases.task.name')} aria-label={t('cases.task.name')} value={title} onChange={(e) => edit(setTitle)(e.target.value)} data-testid="task-title" required />
      <input className="field__input" placeholder={t('cases.task.assignee')} aria-label={t('cases.task.assignee')} value={assignee} onChange={(e) => edit(setAssignee)(e.target.value)} data-testid="task-assignee" required />
      <input className="field__input" type="datetime-local" aria-label={t('cases.task.due')} value={due} onChange={(e) => edit(setDue)(e.target.value)} data-testid="task-due" required />
      <button type="submit" className="button button--small button--primary" data-testid="task-add">{t('cases.task.add')}</button>
    </form>
  );
}

/** Tasks with assignee, due time (Beijing time) and state; open ones can be marked done. */
export function CaseTasksSection() {
  const { t } = useTranslation();
  const { item, act, role } = useCaseScope();
  const canWork = mayWork(role, item);
  return (
    <section className="case-section" aria-label={t('cases.task.title')}>
      <h2>{t('cases.task.title')}</h2>
      <ul className="case-list" data-testid="case-tasks">
        {item.tasks.map((task) => (
          <li key={task.id} data-testid="case-task" data-state={task.state}>
            <span className={`case-tag case-tag--${task.state}`}>{t(`cases.task.state.${task.state}`)}</span>
            <span className="case-list__main">{task.title}</span>
            <span className="case-list__meta">{task.assignee} · {formatDateTime(task.dueAt)}</span>
            {canWork && task.state === 'open' && (
              <button type="button" className="button button--small" onClick={() => void act((api, current) => api.updateTask(current.id, task.id, { state: 'done', version: current.version }))} data-testid="task-done">
                {t('cases.task.done')}
              </button>
            )}
          </li>
        ))}
        {item.tasks.length === 0 && <li className="case-list__empty">{t('cases.task.empty')}</li>}
      </ul>
      {canWork && <TaskForm />}
    </section>
  );
}
