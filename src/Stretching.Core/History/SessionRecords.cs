namespace Stretching.Core.History;

/// <summary>What the history readers ask of every record, answered in one place so they agree.</summary>
internal static class SessionRecords
{
    /// <summary>A session counts as played unless every item in it was skipped: skipping through a session is not doing it.</summary>
    public static bool WasPlayed(SessionRecord record) =>
        record.Items.Count == 0 || record.Items.Any(i => i.Status == ItemStatus.Done);

    /// <summary>The date the session started on, read in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(SessionRecord record, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(record.StartedAt, zone).DateTime);

    /// <summary>The back hurt more after the session than before it; unknown (false) when either rating was skipped.</summary>
    public static bool PainRose(SessionRecord record) => record.PainAfter > record.PainBefore;

    /// <summary>The records in time order; the id breaks ties, so the order never depends on how they were passed in.</summary>
    public static IEnumerable<SessionRecord> InOrder(IEnumerable<SessionRecord> records) =>
        records.OrderBy(r => r.StartedAt).ThenBy(r => r.Id, StringComparer.Ordinal);
}
