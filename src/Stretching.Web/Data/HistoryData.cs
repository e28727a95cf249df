namespace Stretching.Web.Data;

/// <summary>
/// A played session as the player sent it. <see cref="Input"/> is the record as received (normalised
/// JSON) and <see cref="ContentHash"/> its SHA-256, so a replay of the same id is recognised and a
/// different body under that id refused; <see cref="Snapshot"/> is the session that was played.
/// </summary>
public sealed class SessionRecordRow
{
    public required string UserId { get; set; }
    public required string Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public required string TimeZone { get; set; }

    /// <summary>What it was called when played (a routine's or saved session's name), kept as it was.</summary>
    public required string Title { get; set; }
    public string? OccurrenceId { get; set; }
    public int? PainBefore { get; set; }
    public int? PainAfter { get; set; }
    public int? Ease { get; set; }
    public required string Input { get; set; }
    public required string Snapshot { get; set; }
    public required string ContentHash { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>
    /// The exercises marked as felt good or hurt, as JSON, or "" when none: a hurt mark counts however old
    /// it is, and this lets it be found without reading the whole record. Null in records stored before it
    /// was kept; those are read from <see cref="Input"/>.
    /// </summary>
    public string? Marks { get; set; }

    /// <summary>
    /// A random number from 1 to int.MaxValue given when the record is stored. The count and the sum of a
    /// person's fingerprints, read from an index, change with every record added or deleted, so they tell
    /// whether what was worked out from the history is still current (<see cref="History.HistoryVersion"/>).
    /// Records stored before it was kept hold null: they still count, and any record stored since adds to the sum.
    /// </summary>
    public int? Fingerprint { get; set; }
}

/// <summary>When a person brought an exercise back after marking it as hurting; a later "hurt" leaves it out again.</summary>
public sealed class ExerciseReturn
{
    public required string UserId { get; set; }
    public required string Slug { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// A read-only link to a person's report for one period, for a physiotherapist. Only the SHA-256 of
/// its token is kept; the link stops working when it expires or is revoked (the row is deleted).
/// </summary>
public sealed class ReportShareRow
{
    public required string UserId { get; set; }
    public required string Id { get; set; }
    public DateOnly From { get; set; }

    /// <summary>The last day the report covers (inclusive).</summary>
    public DateOnly To { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string TokenHash { get; set; }
}
