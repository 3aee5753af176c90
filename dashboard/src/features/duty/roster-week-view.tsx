import type { RosterView } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../time/format-time';
import { slotsOfDay } from './roster-week';

/** Seven day columns in Beijing time: shifts with their people, gaps in red, holidays and make-up workdays marked. */
export function RosterWeekView({ view }: { view: RosterView }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="roster-week" data-testid="roster-week">
      {view.days.map((day) => (
        <section key={day.date} className={`roster-day roster-day--${day.kind}`} data-testid="roster-day" data-date={day.date} data-kind={day.kind}>
          <div className="roster-day__head">
            <span>
              {day.date.slice(5)} {t(`duty.weekday.${new Date(`${day.date}T12:00:00+08:00`).getUTCDay()}` as 'duty.weekday.0')}
            </span>
            {day.kind === 'holiday' || day.kind === 'makeup_workday' ? (
              <span className="roster-day__mark">
                {t(`duty.dayKind.${day.kind}`)}
                {day.holidayName ? ` ${i18n.language === 'en' ? day.holidayName.en : day.holidayName.zh}` : ''}
              </span>
            ) : null}
          </div>
          {slotsOfDay(view, day).map((slot) =>
            slot.kind === 'gap' ? (
              <div key={`gap-${slot.startsAt}`} className="roster-slot roster-slot--gap" data-testid="roster-gap">
                <div className="roster-slot__time">
                  {formatClock(slot.startsAt).slice(0, 5)}–{formatClock(slot.endsAt).slice(0, 5)}
                </div>
                {t('duty.roster.gap')}
              </div>
            ) : (
              <div
                key={slot.shift!.id}
                className={slot.overlapping ? 'roster-slot roster-slot--overlap' : 'roster-slot'}
                data-testid="roster-shift"
              >
                <div className="roster-slot__time">
                  {formatClock(slot.startsAt).slice(0, 5)}–{formatClock(slot.endsAt).slice(0, 5)}
                  {slot.overlapping ? ` · ${t('duty.roster.overlap')}` : ''}
                </div>
                <div>{t('duty.header.dutyOfficer', { name: slot.shift!.people.dutyOfficer?.displayName ?? slot.shift!.dutyOfficer })}</div>
                {slot.shift!.people.shiftLead ? <div>{t('duty.header.shiftLead', { name: slot.shift!.people.shiftLead.displayName })}</div> : null}
                {slot.shift!.people.leaderOnDuty ? <div>{t('duty.header.leaderOnDuty', { name: slot.shift!.people.leaderOnDuty.displayName })}</div> : null}
                {slot.shift!.note ? <div className="handover-card__meta">{slot.shift!.note}</div> : null}
              </div>
            ),
          )}
        </section>
      ))}
    </div>
  );
}
