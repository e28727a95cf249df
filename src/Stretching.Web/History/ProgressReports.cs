using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Stretching.Core.Catalog;
using Stretching.Core.History;
using Stretching.Core.Planning;
using Stretching.Web.Planning;

namespace Stretching.Web.History;

/// <summary>
/// Everything the history shows for a period, computed once: days and weeks of the plan kept, the
/// pain trend, each exercise's history, and the advice for the next sessions. The API, the history
/// page and the report for a physiotherapist all read this one report.
/// </summary>
public sealed record ProgressReport(
    DateOnly From,
    DateOnly ToExclusive,
    string TimeZone,
    IReadOnlyList<SessionRecord> Records,
    ConsistencyReport Consistency,
    IReadOnlyDictionary<DateOnly, int> MinutesPerWeek,
    PainTrendReport Pain,
    IReadOnlyList<ExerciseHistory> Exercises,
    ProgressionAdvice Advice)
{
    private byte[]? _json;
    private readonly ConcurrentDictionary<Type, string> _sections = new();

    /// <summary>Where the period starts and ends: midnight of <see cref="From"/> and of <see cref="ToExclusive"/> in the plan's zone.</summary>
    public DateTimeOffset FromInstant => Midnight(From);

    public DateTimeOffset UntilInstant => Midnight(ToExclusive);

    /// <summary>An instant on the clock of the plan's zone, as the report's pages show times.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zones.Find(TimeZone));

    /// <summary>
    /// The HTML of the page section <paramref name="section"/> for this report (<see cref="ReportSectionHtml"/>),
    /// rendered on first use and kept with the report. Two requests at once may both render it; one HTML is kept.
    /// </summary>
    public async Task<string> SectionAsync(Type section, Func<Task<string>> render) =>
        _sections.TryGetValue(section, out var html) ? html : _sections.GetOrAdd(section, await render());

    /// <summary>
    /// The report as the API's JSON, written once per report: a report is kept and read again
    /// (<see cref="ProgressCache"/>), and two years of holds make it tens of kilobytes to write.
    /// <paramref name="options"/> are the app's JSON options; a report lives in one app's cache, so they never differ.
    /// </summary>
    public byte[] Json(JsonSerializerOptions options) => _json ??= JsonSerializer.SerializeToUtf8Bytes(ToShape(), options);

    private ProgressShape ToShape() => new(
        Consistency.Weeks.Select(w => new WeekProgressShape(Day(w.WeekStart), w.Planned, w.PlayedAsPlanned, w.Missed, w.Extra, w.ShareKept,
            MinutesPerWeek.GetValueOrDefault(w.WeekStart))).ToList(),
        new PainShape(Pain.Points.Select(p => new PainPointShape(p.RecordId, Instant(p.At), p.Before, p.After)).ToList(),
            Pain.Line?.SlopePerWeek, Vocabulary.Id(Pain.Verdict), Pain.Text, Pain.SeeDoctor),
        Exercises.Select(e => new ExerciseProgressShape(e.Slug, e.Name, e.TimesDone, e.TimesSkipped, e.TimesFeltGood, e.TimesHurt,
            e.LastDone is { } last ? Instant(last) : null, e.Holds.Select(h => new HoldShape(Instant(h.At), h.Seconds)).ToList(), Advice.Excluded.ContainsKey(e.Slug))).ToList(),
        Advice.Adjustments.Select(a => new AdjustmentShape(a.Slug, Vocabulary.Id(a.Change), a.From, a.To, a.Reason)).ToList(),
        Advice.Excluded,
        Advice.LevelSuggestion?.Text);

    private DateTimeOffset Midnight(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zones.Find(TimeZone)), TimeSpan.Zero);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

public sealed class ProgressReports(HistoryStore history, PlanStore plans, Progress progress, ProgressCache worked, TimeProvider clock)
{
    /// <summary>The report of [from, toExclusive) in the plan's zone; by default the last twelve weeks up to today.</summary>
    public async Task<ProgressReport> ForAsync(string owner, DateOnly? from = null, DateOnly? toExclusive = null, CancellationToken cancellationToken = default) =>
        await ForAsync(owner, await plans.LoadAsync(owner, cancellationToken), from, toExclusive, cancellationToken);

    /// <summary>The same report, for a page that shows the plan too and has read it already.</summary>
    public async Task<ProgressReport> ForAsync(string owner, StoredPlan stored, DateOnly? from, DateOnly? toExclusive, CancellationToken cancellationToken = default)
    {
        var today = PlanClock.Today(stored.Plan, clock);
        var end = toExclusive ?? today.AddDays(1);
        var start = from ?? PlanCalendar.WeekStart(today).AddDays(-7 * 11);
        var (advice, basis) = await progress.CurrentAdviceAsync(owner, cancellationToken);
        // Worked out without the request's cancellation: other requests may be waiting for the same report.
        return await worked.GetOrAddAsync(new ReportBasis(basis, PlanKey(stored), start, end, today),
            () => WorkOutAsync(owner, stored, start, end, today, advice));
    }

    private async Task<ProgressReport> WorkOutAsync(string owner, StoredPlan stored, DateOnly start, DateOnly end, DateOnly today, ProgressionAdvice advice)
    {
        var plan = stored.Plan;
        var zone = Zones.Find(plan.TimeZone);
        var untilInstant = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(end.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        var fromInstant = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(start.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        var painUntil = untilInstant < clock.GetUtcNow() ? untilInstant : clock.GetUtcNow();
        var planned = stored.FirstDay ?? end;
        var consistencyFrom = planned > start ? planned : start;
        consistencyFrom = consistencyFrom < end ? consistencyFrom : end;

        // Only what the period needs is read: its own records, the three weeks the pain verdict compares,
        // and any record, played whenever, linked to one of the period's planned sessions.
        var verdictFrom = painUntil - PainTrend.WeeksApart - PainTrend.Week;
        var occurrenceIds = PlanCalendar.Occurrences(plan, consistencyFrom, end).Select(o => PlanCalendar.OccurrenceId(o.Slot.Id, o.Date)).ToHashSet();
        var read = await history.RecordsAsync(owner, verdictFrom < fromInstant ? verdictFrom : fromInstant, untilInstant, occurrenceIds, CancellationToken.None);
        DateOnly LocalDate(SessionRecord r) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.StartedAt, zone).DateTime);
        var records = read.Where(r => LocalDate(r) >= start && LocalDate(r) < end).ToList();
        var minutes = records.GroupBy(r => PlanCalendar.WeekStart(LocalDate(r)))
            .ToDictionary(g => g.Key, g => (int)Math.Round(g.Sum(r => (r.FinishedAt - r.StartedAt).TotalMinutes)));
        return new ProgressReport(
            start, end, plan.TimeZone, records,
            Consistency.Of(plan, read, consistencyFrom, end, today),
            minutes,
            PainTrend.Of(read, fromInstant, painUntil),
            ExerciseStats.Of(records),
            advice);
    }

    /// <summary>Everything of the stored plan a report reads, as text: any change to the plan gives another key.</summary>
    private static string PlanKey(StoredPlan stored)
    {
        var plan = stored.Plan;
        var key = new StringBuilder()
            .Append(stored.CreatedAt?.Ticks).Append('|').Append(plan.TimeZone).Append('|').Append(plan.Goal).Append('|')
            .AppendJoin(',', plan.TrainingDays.Order()).Append('|');
        foreach (var slot in plan.Slots)
        {
            key.Append(slot.Id).Append(' ').Append(slot.Day).Append(' ').Append(slot.Time.Ticks).Append(' ')
                .Append(JsonSerializer.Serialize(PlanStore.ShapeOf(slot.Play), CatalogJson.Options)).Append(';');
        }
        // Each exception is a record of plain values, which it prints in full.
        return key.AppendJoin(';', plan.Exceptions).ToString();
    }

    /// <summary>What a report is worked out from; the key it is kept under (<see cref="ProgressCache"/>).</summary>
    private sealed record ReportBasis(AdviceBasis Advice, string Plan, DateOnly From, DateOnly ToExclusive, DateOnly Today);
}
