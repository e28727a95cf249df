using Stretching.Core.Planning;

namespace Stretching.Core.History;

/// <summary>How one calendar day went against the plan.</summary>
public enum DayStatus
{
    /// <summary>A planned session is still to come: the day is today or later.</summary>
    Planned,

    /// <summary>Every session planned for the day was played.</summary>
    Done,

    /// <summary>The day is over and a session planned for it was not played.</summary>
    Missed,

    /// <summary>Nothing was planned and nothing played: a rest day, which keeps the plan too.</summary>
    Rest,

    /// <summary>Nothing was planned and the person stretched anyway.</summary>
    DoneUnplanned,
}

/// <summary>
/// One day of the calendar: its status, the planned sessions that were played (on this day or, through
/// their link, on another), missed or still to come, and the extra sessions played on it.
/// </summary>
/// <param name="IsSettled">The day is over, or already has nothing left to play: it counts towards the share kept.</param>
public sealed record ConsistencyDay(DateOnly Date, DayStatus Status, int Planned, int PlayedAsPlanned, int Missed, int Extra, bool IsSettled)
{
    public int Upcoming => Planned - PlayedAsPlanned - Missed;

    public int Done => PlayedAsPlanned + Extra;

    /// <summary>A settled day on which no planned session went unplayed; a rest day is kept.</summary>
    public bool IsKept => IsSettled && Status != DayStatus.Missed;
}

/// <summary>
/// One ISO week (Monday to Sunday, the days of it inside the asked range): the counts of its days, and
/// the share of its settled days that kept the plan. There is no streak: a missed day costs its own
/// week a seventh and nothing more.
/// </summary>
public sealed record ConsistencyWeek(DateOnly WeekStart, int Planned, int PlayedAsPlanned, int Missed, int Extra, int DaysSettled, int DaysKept)
{
    public int Upcoming => Planned - PlayedAsPlanned - Missed;

    /// <summary>Every session played, planned or extra.</summary>
    public int Done => PlayedAsPlanned + Extra;

    /// <summary>The kept share of the settled days, 0 to 1; null while none of the week's days is settled.</summary>
    public double? ShareKept => DaysSettled == 0 ? null : (double)DaysKept / DaysSettled;
}

public sealed record ConsistencyReport(IReadOnlyList<ConsistencyDay> Days, IReadOnlyList<ConsistencyWeek> Weeks);

/// <summary>
/// How well a person keeps to their plan, day by day and week by week: consistency, not streaks.
/// A planned session counts as played when a record links to it (<see cref="SessionRecord.OccurrenceId"/>);
/// a record without a link, or whose link names no unplayed occurrence in the range (a slot since
/// deleted, a session played twice), takes the first unplayed occurrence on its own local date, in
/// start order, and otherwise counts as an extra session. Extra sessions are done sessions, never
/// misses, and a day with nothing planned keeps the plan. Dates are read in the plan's zone, the zone
/// the calendar shows, so a session played after midnight while travelling lands on the next day.
/// </summary>
public static class Consistency
{
    /// <summary>The plan's occurrences over [<paramref name="from"/>, <paramref name="toExclusive"/>) against the records.</summary>
    public static ConsistencyReport Of(WeeklyPlan plan, IEnumerable<SessionRecord> records, DateOnly from, DateOnly toExclusive, DateOnly today) =>
        Of(PlanCalendar.Occurrences(plan, from, toExclusive), plan.TimeZone, records, from, toExclusive, today);

    /// <summary>
    /// The given occurrences (for instance from the plans a person had over time; none when they have
    /// no plan) against the records, on the days of [<paramref name="from"/>, <paramref name="toExclusive"/>)
    /// in <paramref name="timeZone"/>, with <paramref name="today"/> the date there now.
    /// </summary>
    /// <exception cref="TimeZoneNotFoundException"><paramref name="timeZone"/> is not a known IANA id.</exception>
    public static ConsistencyReport Of(
        IReadOnlyList<Occurrence> planned, string timeZone, IEnumerable<SessionRecord> records, DateOnly from, DateOnly toExclusive, DateOnly today)
    {
        var zone = Zones.Find(timeZone);
        // Distinct, since occurrences gathered from several plans may repeat one.
        var occurrences = planned.Where(o => DayOf(o) >= from && DayOf(o) < toExclusive)
            .DistinctBy(o => PlanCalendar.OccurrenceId(o.Slot.Id, o.Date)).OrderBy(o => o.Start).ToList();
        var byId = occurrences.ToDictionary(o => PlanCalendar.OccurrenceId(o.Slot.Id, o.Date));
        var played = new HashSet<Occurrence>();
        var extra = new Dictionary<DateOnly, int>();

        var sessions = SessionRecords.InOrder(records).Where(SessionRecords.WasPlayed).ToList();
        var unlinked = new List<SessionRecord>();
        foreach (var record in sessions)
        {
            // Links first, over all records, so a session played by its link is never taken by date.
            if (!(record.OccurrenceId is { } id && byId.TryGetValue(id, out var linked) && played.Add(linked))) unlinked.Add(record);
        }
        foreach (var record in unlinked)
        {
            var date = SessionRecords.LocalDate(record, zone);
            if (date < from || date >= toExclusive) continue;
            if (occurrences.FirstOrDefault(o => DayOf(o) == date && !played.Contains(o)) is { } sameDay) played.Add(sameDay);
            else extra[date] = extra.GetValueOrDefault(date) + 1;
        }

        var days = new List<ConsistencyDay>();
        for (var date = from; date < toExclusive; date = date.AddDays(1))
        {
            var onDay = occurrences.Where(o => DayOf(o) == date).ToList();
            days.Add(Day(date, onDay.Count, onDay.Count(played.Contains), extra.GetValueOrDefault(date), today));
        }
        var weeks = days.GroupBy(d => PlanCalendar.WeekStart(d.Date)).Select(week => new ConsistencyWeek(
            week.Key,
            week.Sum(d => d.Planned),
            week.Sum(d => d.PlayedAsPlanned),
            week.Sum(d => d.Missed),
            week.Sum(d => d.Extra),
            week.Count(d => d.IsSettled),
            week.Count(d => d.IsKept))).ToList();
        return new ConsistencyReport(days, weeks);
    }

    private static ConsistencyDay Day(DateOnly date, int planned, int playedAsPlanned, int extra, DateOnly today)
    {
        var unplayed = planned - playedAsPlanned;
        var (status, missed) = (planned, unplayed) switch
        {
            (0, _) => (extra > 0 ? DayStatus.DoneUnplanned : DayStatus.Rest, 0),
            (_, 0) => (DayStatus.Done, 0),
            // Today is not over: its unplayed sessions may still be played.
            _ when date >= today => (DayStatus.Planned, 0),
            _ => (DayStatus.Missed, unplayed),
        };
        var settled = date < today || (date == today && status != DayStatus.Planned);
        return new ConsistencyDay(date, status, planned, playedAsPlanned, missed, extra, settled);
    }

    /// <summary>The day an occurrence shows on the calendar: where it was moved to, if it was.</summary>
    private static DateOnly DayOf(Occurrence occurrence) => DateOnly.FromDateTime(occurrence.LocalStart);
}
