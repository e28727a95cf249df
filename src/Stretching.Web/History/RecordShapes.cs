using System.Text.Json.Serialization;
using Stretching.Core.Sessions;

namespace Stretching.Web.History;

/// <summary>What a record played: exactly one of a routine, a saved session, a plan occurrence or a builder request (with its seed).</summary>
public sealed record RecordSourceShape
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Routine { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Session { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Occurrence { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SessionInput? Request { get; init; }
}

public sealed record RecordItemShape(string? Slug = null, string? Side = null, string? Status = null, int? Seconds = null);

public sealed record FlagShape(string? Slug = null, string? Felt = null);

/// <summary>
/// A played session as the player sends it to POST /api/me/history, and as the JSON export writes it
/// (the import takes the same file). Times are ISO 8601 strings with their offset. <c>snapshot</c> is
/// optional: the session exactly as played (the player has it); without it the server rebuilds the
/// session from <c>source</c>, which for a builder request or a planned preset can differ once the
/// person's progression has moved on.
/// </summary>
public sealed record RecordShape
{
    public string? Id { get; init; }
    public string? StartedAt { get; init; }
    public string? FinishedAt { get; init; }
    public string? TimeZone { get; init; }
    public RecordSourceShape? Source { get; init; }
    public IReadOnlyList<RecordItemShape>? Items { get; init; }
    public int? PainBefore { get; init; }
    public int? PainAfter { get; init; }
    public int? Ease { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<FlagShape>? Flags { get; init; }

    /// <summary>How many times the session was paused, and for how many seconds in all (wall clock).</summary>
    public int? Pauses { get; init; }
    public int? PausedSeconds { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Session? Snapshot { get; init; }
}

/// <summary>A stored record as the API answers it: what was sent, the session it played, and when it arrived.</summary>
public sealed record RecordView(
    string Id,
    string StartedAt,
    string FinishedAt,
    string TimeZone,
    RecordSourceShape Source,
    IReadOnlyList<RecordItemShape> Items,
    int? PainBefore,
    int? PainAfter,
    int? Ease,
    string? Note,
    IReadOnlyList<FlagShape> Flags,
    int? Pauses,
    int? PausedSeconds,
    string Title,
    int Minutes,
    Session Snapshot,
    DateTime ReceivedAt);

/// <summary>One line of the history list: no snapshot.</summary>
public sealed record RecordSummary(string Id, string StartedAt, string FinishedAt, string TimeZone, string Title, int Minutes, int? PainBefore, int? PainAfter, int? Ease, string? OccurrenceId);

/// <summary>The JSON export (and import): every record, in the shape the player sends.</summary>
public sealed record HistoryFile(int Version, IReadOnlyList<RecordShape> Records);

/// <summary>One ISO week of the plan kept: planned, done as planned, missed, extra, and the share of settled days kept.</summary>
public sealed record WeekProgressShape(string WeekStart, int Planned, int Done, int Missed, int Extra, double? ShareKept, int Minutes);

/// <summary>The pain of the period: each session's ratings, the trend per week, and what it means in plain words.</summary>
public sealed record PainShape(IReadOnlyList<PainPointShape> Points, double? SlopePerWeek, string Verdict, string Text, bool SeeDoctor);

public sealed record PainPointShape(string RecordId, string At, int? Before, int? After);

/// <summary>One exercise over the period: how often done, skipped, good or hurting, and its hold over time.</summary>
public sealed record ExerciseProgressShape(string Slug, string Name, int Done, int Skipped, int FeltGood, int Hurt, string? LastDone, IReadOnlyList<HoldShape> Holds, bool LeftOut);

public sealed record HoldShape(string At, int Seconds);

/// <summary>A dose change for the next sessions and why.</summary>
public sealed record AdjustmentShape(string Slug, string Change, Dose From, Dose To, string Reason);

/// <summary>GET /api/me/progress: consistency per week, the pain trend, per-exercise history, and what the next sessions will change.</summary>
public sealed record ProgressShape(
    IReadOnlyList<WeekProgressShape> Weeks,
    PainShape Pain,
    IReadOnlyList<ExerciseProgressShape> Exercises,
    IReadOnlyList<AdjustmentShape> Adjustments,
    IReadOnlyDictionary<string, string> LeftOut,
    string? LevelSuggestion);
