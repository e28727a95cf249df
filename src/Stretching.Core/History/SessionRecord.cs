using Stretching.Core.Sessions;

namespace Stretching.Core.History;

public enum ItemStatus { Done, Skipped }

public enum Felt { Good, Hurt }

/// <summary>One item of a played session: done or skipped, and the seconds actually spent on it.</summary>
public sealed record RecordItem(string Slug, Side? Side, ItemStatus Status, int Seconds);

/// <summary>How one exercise felt, as the person marked it at the finish.</summary>
public sealed record ExerciseFlag(string Slug, Felt Felt);

/// <summary>
/// A session as it was played: when (UTC instants and the person's IANA zone), what it played (the
/// session snapshot), each item done or skipped, pain before and after (0-10, the numeric rating
/// scale), how hard it felt (1-5), a note, and exercises marked as felt good or hurt.
/// <see cref="OccurrenceId"/> ties it to a planned occurrence, for adherence.
/// </summary>
public sealed record SessionRecord
{
    public required string Id { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public required string TimeZone { get; init; }
    public required Session Snapshot { get; init; }
    public IReadOnlyList<RecordItem> Items { get; init; } = [];
    public int? PainBefore { get; init; }
    public int? PainAfter { get; init; }
    public int? Ease { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<ExerciseFlag> Flags { get; init; } = [];
    public string? OccurrenceId { get; init; }

    /// <summary>What the played session was called: a routine's or saved session's name, or the plan's title for it.</summary>
    public string Title { get; init; } = "";
}
