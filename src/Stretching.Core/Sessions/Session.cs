using System.Text.Json;
using System.Text.Json.Serialization;
using Stretching.Core.Catalog;

namespace Stretching.Core.Sessions;

/// <summary>
/// The three parts of a session. Their ids are <c>warm-up</c>, <c>main</c> and <c>cool-down</c>,
/// spelled like every other kebab-case id (an exercise's kind is <c>warm-up</c> too); documents
/// written before that used <c>warmup</c> and <c>cooldown</c>, which are still read
/// (<see cref="BlockKindJsonConverter"/>, registered ahead of the general enum converter in CatalogJson).
/// </summary>
public enum BlockKind { WarmUp, Main, CoolDown }

/// <summary>Writes the block ids in kebab case and reads the older one-word spellings as well.</summary>
public sealed class BlockKindJsonConverter : JsonConverter<BlockKind>
{
    public override BlockKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var id = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return id switch
        {
            "warm-up" or "warmup" => BlockKind.WarmUp,
            "main" => BlockKind.Main,
            "cool-down" or "cooldown" => BlockKind.CoolDown,
            _ => throw new JsonException($"Unknown block kind '{id}'. Known values: warm-up, main, cool-down."),
        };
    }

    public override void Write(Utf8JsonWriter writer, BlockKind value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Vocabulary.Id(value));
}

public enum ItemRole { Exercise, Rest }

public enum Side { Left, Right }

/// <summary>
/// One step of the timeline. Seconds include the short get-into-position lead (see SessionTiming).
/// The item carries every figure the player plays it by (lead, hold, repetition cadence), so the
/// player reads them instead of keeping copies of the server's constants.
/// </summary>
public sealed record SessionItem(
    string Slug,
    string Name,
    ItemRole Role,
    int StartSeconds,
    int Seconds,
    int? Reps,
    int? HoldSeconds,
    Side? Side,
    string? Cue,
    string Reason,
    bool AsLongAsYouCan = false)
{
    /// <summary>Seconds to get into position before the work (or the rest) begins.</summary>
    public int LeadSeconds { get; init; } = SessionTiming.LeadSeconds;

    /// <summary>One repetition's length: the hold and its release, or one dynamic movement; null without repetitions.</summary>
    public int? RepSeconds { get; init; }

    /// <summary>The release between held repetitions; null unless holds repeat.</summary>
    public int? ReleaseSeconds { get; init; }
}

public sealed record SessionBlock(BlockKind Kind, IReadOnlyList<SessionItem> Items);

public sealed record ExcludedExercise(string Slug, string Name, string Reason);

/// <summary>A playable session: blocks in order (warm-up, main, cool-down) on one timeline.</summary>
public sealed record Session(
    int Minutes,
    int TotalSeconds,
    int? Seed,
    IReadOnlyList<SessionBlock> Blocks,
    IReadOnlyList<ExcludedExercise> Excluded,
    IReadOnlyList<string> Warnings)
{
    [JsonIgnore]
    public IEnumerable<SessionItem> Items => Blocks.SelectMany(b => b.Items);
}

public sealed record SessionRequest
{
    public const int MinMinutes = 10;
    public const int MaxMinutes = 90;

    public required int Minutes { get; init; }
    public required Level Level { get; init; }
    public IReadOnlySet<Region> Focus { get; init; } = new HashSet<Region>();
    public IReadOnlySet<Equipment> Equipment { get; init; } = new HashSet<Equipment>();
    public IReadOnlySet<Condition> Conditions { get; init; } = new HashSet<Condition>();
    public IReadOnlySet<RedFlag> RedFlags { get; init; } = new HashSet<RedFlag>();
    public int? Seed { get; init; }
    public bool DoctorApproved { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Exercises to pick before others of the same standing (a person's favourites); unlike Include, a preference is dropped when it does not fit.</summary>
    public IReadOnlyList<string> Prefer { get; init; } = [];

    /// <summary>
    /// Why an exercise in <see cref="Exclude"/> is left out when the person did not simply leave it
    /// out this time (it hurt last time, say); without a reason it reads "You left it out."
    /// </summary>
    public IReadOnlyDictionary<string, string> ExcludeReasons { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Doses to play instead of the level's own (a person's progression), by exercise slug. The builder
    /// keeps each within the exercise's limits at the session's level and ignores one the exercise is
    /// not dosed by; the warm-up's joint work and cardio, the rests and the cool-down keep their fixed figures.
    /// </summary>
    public IReadOnlyDictionary<string, Dose> DoseOverrides { get; init; } = new Dictionary<string, Dose>();
}

/// <summary>
/// What asking for a session gives, the one closed result of every entry point (page, API, player,
/// planner): the input could not be read, or safety refused it with advice, or here is the session.
/// </summary>
public abstract record SessionResult
{
    private SessionResult()
    {
    }

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Problems) : SessionResult;

    public sealed record Refused(Refusal Refusal) : SessionResult;

    public sealed record Built(Session Session) : SessionResult;
}

/// <summary>How urgent a refusal is: an emergency needs help today, a doctor's visit can be planned, an infection needs rest.</summary>
public enum RefusalKind { Emergency, SeeDoctor, Postpone }

public sealed record Refusal(RefusalKind Kind, string Title, IReadOnlyList<string> Reasons, string Advice);
