using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Core.History;
using Stretching.Core.Planning;
using Stretching.Core.Sessions;
using Stretching.Web.Catalog;
using Stretching.Web.Data;
using Stretching.Web.Library;
using Stretching.Web.Planning;

namespace Stretching.Web.History;

/// <summary>What adding a record gave: stored now, already stored (the same body sent again), refused by field, or the id taken by other content.</summary>
public abstract record AddResult
{
    private AddResult()
    {
    }

    public sealed record Created(RecordView Record) : AddResult;

    public sealed record Replayed(RecordView Record) : AddResult;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Problems) : AddResult;

    public sealed record Conflict(string Id) : AddResult;
}

/// <summary>
/// Each person's played sessions. A record arrives with an id the player made, so sending it again
/// (after a lost answer, a reload, the service worker's retry) stores nothing twice; every query is
/// scoped to its owner.
/// </summary>
public sealed class HistoryStore(StretchingDbContext db, CatalogStore catalog, SessionLibrary library, PlanStore plans, PlannedSessions planned, Progress progress,
    RecordCache parsed, TimeProvider clock)
{
    public const int MaxNoteLength = 2000;
    public const int MaxImportRecords = 5000;
    private static readonly TimeSpan MaxLength = TimeSpan.FromHours(6);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(10);

    public async Task<AddResult> AddAsync(string owner, RecordShape shape, CancellationToken cancellationToken = default)
    {
        var (record, problems) = await ReadAsync(owner, shape, "", cancellationToken);
        if (record is null) return new AddResult.Invalid(problems);
        var (row, hash) = (await db.SessionRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == owner && r.Id == record.Id, cancellationToken), Hash(shape));
        if (row is not null) return row.ContentHash == hash ? new AddResult.Replayed(View(row)) : new AddResult.Conflict(record.Id);

        row = Row(owner, record, shape, hash);
        db.SessionRecords.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same record arrived twice at once (the finish screen and the service worker): one insert wins.
            db.ChangeTracker.Clear();
            var stored = await db.SessionRecords.AsNoTracking().SingleAsync(r => r.UserId == owner && r.Id == record.Id, cancellationToken);
            return stored.ContentHash == hash ? new AddResult.Replayed(View(stored)) : new AddResult.Conflict(record.Id);
        }
        return new AddResult.Created(View(row));
    }

    public async Task<IReadOnlyList<RecordSummary>> ListAsync(string owner, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        var query = db.SessionRecords.AsNoTracking().Where(r => r.UserId == owner);
        if (from is { } start) query = query.Where(r => r.StartedAt >= start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-1));
        if (to is { } end) query = query.Where(r => r.StartedAt < end.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(2));
        // The range is the person's own dates: the query above is a little wide, this is exact.
        return (await SummariesAsync(query.OrderByDescending(r => r.StartedAt), cancellationToken))
            .Where(s => (from is null || LocalDate(s) >= from) && (to is null || LocalDate(s) <= to))
            .ToList();
    }

    /// <summary>One page of the owner's records, newest first, and how many there are in all; paged in the database.</summary>
    public async Task<(IReadOnlyList<RecordSummary> Records, int Total)> PageAsync(string owner, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.SessionRecords.AsNoTracking().Where(r => r.UserId == owner);
        var total = await query.CountAsync(cancellationToken);
        // Id breaks ties, so two records started at the same instant never swap pages between requests.
        var skip = (int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize);
        var ordered = query.OrderByDescending(r => r.StartedAt).ThenBy(r => r.Id).Skip(skip).Take(pageSize);
        return (await SummariesAsync(ordered, cancellationToken), total);
    }

    private static async Task<List<RecordSummary>> SummariesAsync(IQueryable<SessionRecordRow> ordered, CancellationToken cancellationToken)
    {
        // A summary needs neither the session played nor the items done: only the times as sent, from the input.
        var rows = await ordered
            .Select(r => new { r.Id, r.TimeZone, r.Title, r.StartedAt, r.FinishedAt, r.PainBefore, r.PainAfter, r.Ease, r.OccurrenceId, r.Input })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
            {
                var (startedAt, finishedAt) = SentTimes(r.Input);
                return new RecordSummary(r.Id, startedAt, finishedAt, r.TimeZone, r.Title, Minutes(r.StartedAt, r.FinishedAt),
                    r.PainBefore, r.PainAfter, r.Ease, r.OccurrenceId);
            })
            .ToList();
    }

    public async Task<RecordView?> FindAsync(string owner, string id, CancellationToken cancellationToken = default) =>
        await db.SessionRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == owner && r.Id == id, cancellationToken) is { } row ? View(row) : null;

    /// <summary>Every record of the owner as Core values, oldest first, for the CSV export.</summary>
    public async Task<IReadOnlyList<SessionRecord>> RecordsAsync(string owner, CancellationToken cancellationToken = default) =>
        (await db.SessionRecords.AsNoTracking().Where(r => r.UserId == owner).OrderBy(r => r.StartedAt).ToListAsync(cancellationToken))
            .Select(ToRecord).ToList();

    /// <summary>
    /// The owner's records started from <paramref name="from"/> to <paramref name="until"/> (both included), and
    /// those, whenever played, linked to one of <paramref name="occurrenceIds"/>: what a report on a period reads,
    /// chosen in the database so a long history is not read whole.
    /// </summary>
    public async Task<IReadOnlyList<SessionRecord>> RecordsAsync(string owner, DateTimeOffset from, DateTimeOffset until, IReadOnlyCollection<string> occurrenceIds,
        CancellationToken cancellationToken = default)
    {
        var (start, end) = (from.UtcDateTime, until.UtcDateTime);
        return await ParsedAsync(db, parsed, owner,
            db.SessionRecords.Where(r => r.UserId == owner && ((r.StartedAt >= start && r.StartedAt <= end) || (r.OccurrenceId != null && occurrenceIds.Contains(r.OccurrenceId)))),
            cancellationToken);
    }

    /// <summary>
    /// What the progression advice reads: the owner's records started after <paramref name="since"/> in full, and
    /// only the marks of those before, found by their index, since a hurt mark counts however old it is.
    /// </summary>
    public static async Task<(IReadOnlyList<SessionRecord> Recent, IReadOnlyList<RecordMarks> OlderMarks)> ForAdviceAsync(StretchingDbContext db, RecordCache parsed, string owner,
        DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var cut = since.UtcDateTime;
        var recent = await ParsedAsync(db, parsed, owner, db.SessionRecords.Where(r => r.UserId == owner && r.StartedAt > cut), cancellationToken);
        // "Marks > ''" rather than "<> ''", so the database can seek (UserId, Marks) past the records without marks.
        var marked = await db.SessionRecords.AsNoTracking()
            .Where(r => r.UserId == owner && (r.Marks == null || string.Compare(r.Marks, "") > 0))
            .Select(r => new { r.Id, r.StartedAt, r.FinishedAt, r.Marks, Input = r.Marks == null ? r.Input : null })
            .ToListAsync(cancellationToken);
        var older = marked.Where(r => r.StartedAt <= cut)
            .Select(r => new RecordMarks(r.Id, new DateTimeOffset(r.StartedAt, TimeSpan.Zero), new DateTimeOffset(r.FinishedAt, TimeSpan.Zero),
                Flags(r.Marks is { } marks ? JsonSerializer.Deserialize<IReadOnlyList<FlagShape>>(marks, CatalogJson.Options) : Read(r.Input!).Flags)))
            .Where(m => m.Flags.Count > 0)
            .ToList();
        return (recent, older);
    }

    public async Task<bool> DeleteAsync(string owner, string id, CancellationToken cancellationToken = default) =>
        await db.SessionRecords.Where(r => r.UserId == owner && r.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// The records <paramref name="rows"/> selects, oldest first: the database names them, and only those this
    /// instance has not parsed yet are read in full.
    /// </summary>
    private static async Task<IReadOnlyList<SessionRecord>> ParsedAsync(StretchingDbContext db, RecordCache parsed, string owner, IQueryable<SessionRecordRow> rows,
        CancellationToken cancellationToken)
    {
        var keys = await rows.OrderBy(r => r.StartedAt).ThenBy(r => r.Id).Select(r => new { r.Id, r.ContentHash, r.ReceivedAt }).ToListAsync(cancellationToken);
        var records = new Dictionary<string, SessionRecord>();
        var missing = new List<string>();
        foreach (var key in keys)
        {
            if (parsed.TryGet(owner, key.Id, key.ContentHash, key.ReceivedAt, out var record)) records[key.Id] = record;
            else missing.Add(key.Id);
        }
        if (missing.Count > 0)
        {
            foreach (var row in await db.SessionRecords.AsNoTracking().Where(r => r.UserId == owner && missing.Contains(r.Id)).ToListAsync(cancellationToken))
            {
                var record = ToRecord(row);
                parsed.Add(owner, row.Id, row.ContentHash, row.ReceivedAt, record);
                records[row.Id] = record;
            }
        }
        // A record deleted between the two reads is left out, as if the first had come a moment later.
        return keys.Where(k => records.ContainsKey(k.Id)).Select(k => records[k.Id]).ToList();
    }

    /// <summary>The JSON export: every record as the player sent it, oldest first; the import takes the same file.</summary>
    public async Task<HistoryFile> ExportAsync(string owner, CancellationToken cancellationToken = default) =>
        new(1, (await db.SessionRecords.AsNoTracking().Where(r => r.UserId == owner).OrderBy(r => r.StartedAt).Select(r => r.Input).ToListAsync(cancellationToken))
            .Select(json => JsonSerializer.Deserialize<RecordShape>(json, CatalogJson.Options)!).ToList());

    /// <summary>
    /// Imports an exported file all or nothing: every record is checked first, and one bad record
    /// (named by its place, "records[3].painAfter") leaves the history as it was. Records already
    /// here by id are skipped, so a file can be imported twice.
    /// </summary>
    public async Task<(int Imported, int Skipped, IReadOnlyDictionary<string, string[]> Problems)> ImportAsync(string owner, HistoryFile? file, CancellationToken cancellationToken = default)
    {
        var problems = new Dictionary<string, string[]>();
        if (file?.Records is not { } records) return (0, 0, new Dictionary<string, string[]> { ["records"] = ["The file has no records list; import a file exported from this app."] });
        if (records.Count > MaxImportRecords) return (0, 0, new Dictionary<string, string[]> { ["records"] = [$"A file holds at most {MaxImportRecords} records."] });

        var existing = (await db.SessionRecords.Where(r => r.UserId == owner).Select(r => new { r.Id, r.ContentHash }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => r.ContentHash);
        var rows = new List<SessionRecordRow>();
        var seen = new HashSet<string>();
        var skipped = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var prefix = $"records[{i}].";
            if (records[i] is null)
            {
                problems[$"records[{i}]"] = ["This record is empty."];
                continue;
            }
            var (record, recordProblems) = await ReadAsync(owner, records[i], prefix, cancellationToken);
            foreach (var (field, messages) in recordProblems) problems[field] = messages;
            if (record is null) continue;
            if (existing.ContainsKey(record.Id) || !seen.Add(record.Id))
            {
                skipped++;
                continue;
            }
            rows.Add(Row(owner, record, records[i], Hash(records[i])));
        }
        if (problems.Count > 0) return (0, 0, problems);
        db.SessionRecords.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        return (rows.Count, skipped, problems);
    }

    /// <summary>Checks a record and resolves what it played into its session; problems are named by field, after the prefix.</summary>
    private async Task<(SessionRecord? Record, IReadOnlyDictionary<string, string[]> Problems)> ReadAsync(string owner, RecordShape shape, string prefix, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        void Problem(string field, string message) => problems[prefix + field] = [message];

        if (!Guid.TryParseExact(shape.Id, "D", out var guid)) Problem("id", "Give the record's id as a UUID, such as 3f2a9c4e-8b1d-4c6e-9f0a-2d7b5e1c8a44.");
        var started = Instant(shape.StartedAt);
        var finished = Instant(shape.FinishedAt);
        if (started is null) Problem("startedAt", "Give the start as an ISO 8601 time with its offset, such as 2026-11-21T19:30:00+01:00.");
        if (finished is null) Problem("finishedAt", "Give the finish as an ISO 8601 time with its offset.");
        if (started is not null && finished is not null)
        {
            if (finished < started) Problem("finishedAt", "The finish comes before the start.");
            else if (finished - started > MaxLength) Problem("finishedAt", "A session lasts at most six hours.");
            if (finished > clock.GetUtcNow() + ClockSkew) Problem("finishedAt", "The finish is in the future.");
            if (started < new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)) Problem("startedAt", "The start is too long ago.");
        }
        if (string.IsNullOrWhiteSpace(shape.TimeZone) || !TimeZones.IsKnown(shape.TimeZone)) Problem("timeZone", "Give the time zone as an IANA name such as Europe/Berlin.");
        if (shape.PainBefore is < 0 or > 10) Problem("painBefore", "Pain is rated 0 (none) to 10 (the worst imaginable).");
        if (shape.PainAfter is < 0 or > 10) Problem("painAfter", "Pain is rated 0 (none) to 10 (the worst imaginable).");
        if (shape.Ease is < 1 or > 5) Problem("ease", "How hard it felt is rated 1 (very easy) to 5 (very hard).");
        if (shape.Pauses is < 0) Problem("pauses", "Give how many times the session was paused, 0 or more.");
        if (shape.PausedSeconds is < 0) Problem("pausedSeconds", "Give the seconds spent paused, 0 or more.");
        else if (shape.PausedSeconds is { } paused && started is not null && finished is not null && paused > (finished - started).Value.TotalSeconds + 1)
        {
            Problem("pausedSeconds", "The pauses last longer than the session.");
        }
        if (shape.Note?.Length > MaxNoteLength) Problem("note", $"A note has at most {MaxNoteLength} characters.");

        // With the snapshot sent, what the source names may be gone by now (a saved session deleted, an
        // occurrence moved while the tablet was offline): the record is kept all the same.
        var sourceProblems = new Dictionary<string, string[]>();
        var (resolved, occurrenceId, title) = await SnapshotAsync(owner, shape.Source, prefix, sourceProblems, cancellationToken);
        foreach (var (field, messages) in sourceProblems.Where(p => shape.Snapshot is null || p.Key == prefix + "source")) problems[field] = messages;
        var snapshot = shape.Snapshot is { } played ? SentSnapshot(played, prefix, problems) : resolved;
        if (shape.Snapshot is not null && occurrenceId is null && shape.Source?.Occurrence is { Length: <= 48 } occurrence) occurrenceId = occurrence;
        if (title.Length == 0) title = "A session";
        var items = new List<RecordItem>();
        var flags = new List<ExerciseFlag>();
        if (snapshot is not null)
        {
            // Each item must be one of the snapshot's (by slug and side), at most as often as the snapshot holds it.
            var available = snapshot.Items.GroupBy(i => (i.Slug, i.Side)).ToDictionary(g => g.Key, g => (Count: g.Count(), Longest: g.Max(i => i.Seconds)));
            var used = new Dictionary<(string, Side?), int>();
            var sent = shape.Items ?? [];
            if (sent.Count == 0) Problem("items", "Say which items were done or skipped.");
            for (var i = 0; i < sent.Count; i++)
            {
                var item = sent[i];
                var field = $"items[{i}]";
                Side? side = item?.Side is null ? null : Vocabulary.TryParse<Side>(item.Side, out var parsedSide) ? parsedSide : (Side?)null;
                if (item?.Side is not null && side is null) { Problem($"{field}.side", "A side is left, right or null."); continue; }
                if (item?.Slug is null || !available.TryGetValue((item.Slug, side), out var slot)) { Problem($"{field}.slug", $"'{VocabularyIds.Clip(item?.Slug ?? "")}' is not in the session that was played."); continue; }
                if ((used[(item.Slug, side)] = used.GetValueOrDefault((item.Slug, side)) + 1) > slot.Count) { Problem(field, "This item appears more often than in the session."); continue; }
                if (!Vocabulary.TryParse<ItemStatus>(item.Status, out var status)) { Problem($"{field}.status", "An item's status is done or skipped."); continue; }
                if (item.Seconds is not { } seconds || seconds < 0 || seconds > slot.Longest * 4 + 600) { Problem($"{field}.seconds", "Give the seconds actually spent, from 0 to a little over the item's length."); continue; }
                items.Add(new RecordItem(item.Slug, side, status, seconds));
            }
            var flagged = new HashSet<string>();
            var sentFlags = shape.Flags ?? [];
            for (var i = 0; i < sentFlags.Count; i++)
            {
                var flag = sentFlags[i];
                if (flag?.Slug is null || snapshot.Items.All(item => item.Slug != flag.Slug)) Problem($"flags[{i}].slug", "Only an exercise of the session can be marked.");
                else if (!Vocabulary.TryParse<Felt>(flag.Felt, out var felt)) Problem($"flags[{i}].felt", "An exercise felt good or hurt.");
                else if (!flagged.Add(flag.Slug)) Problem($"flags[{i}].slug", "Each exercise is marked once.");
                else flags.Add(new ExerciseFlag(flag.Slug, felt));
            }
        }
        if (problems.Count > 0) return (null, problems);
        return (new SessionRecord
        {
            Id = guid.ToString("D"),
            StartedAt = started!.Value,
            FinishedAt = finished!.Value,
            TimeZone = shape.TimeZone!,
            Snapshot = snapshot!,
            Items = items,
            PainBefore = shape.PainBefore,
            PainAfter = shape.PainAfter,
            Ease = shape.Ease,
            Note = string.IsNullOrWhiteSpace(shape.Note) ? null : shape.Note.Trim(),
            Flags = flags,
            OccurrenceId = occurrenceId,
            Title = title,
        }, problems);
    }

    private async Task<(Session? Snapshot, string? OccurrenceId, string Title)> SnapshotAsync(string owner, RecordSourceShape? source, string prefix, Dictionary<string, string[]> problems,
        CancellationToken cancellationToken)
    {
        var given = new object?[] { source?.Routine, source?.Session, source?.Occurrence, source?.Request }.Count(v => v is not null);
        if (source is null || given != 1)
        {
            problems[prefix + "source"] = ["Say what was played: exactly one of routine, session, occurrence or request."];
            return (null, null, "");
        }
        if (source.Routine is { } slug)
        {
            if (catalog.Current.Routine(slug) is { } routine) return (routine.Session, null, routine.Routine.Name);
            problems[prefix + "source.routine"] = [$"No routine has the slug '{VocabularyIds.Clip(slug)}'."];
        }
        else if (source.Session is { } id)
        {
            if (await library.FindAsync(owner, id, cancellationToken) is { } saved) return (saved.Session(), null, saved.Name);
            problems[prefix + "source.session"] = [$"'{VocabularyIds.Clip(id)}' is not one of your saved sessions."];
        }
        else if (source.Occurrence is { } occurrence)
        {
            var plan = (await plans.LoadAsync(owner, cancellationToken)).Plan;
            if (await planned.FindAsync(owner, plan, occurrence, cancellationToken) is { Session: { } session } found) return (session, found.Id, found.Title);
            problems[prefix + "source.occurrence"] = [$"'{VocabularyIds.Clip(occurrence)}' is not a session in your plan."];
        }
        else
        {
            var request = source.Request!;
            if (request.Seed is null) problems[prefix + "source.request.seed"] = ["Give the seed the session was built with."];
            else if (catalog.Current.Builder.Build(request, personalise: await progress.PersonaliseAsync(owner, cancellationToken)) is SessionResult.Built built)
            {
                return (built.Session, null, PlannedSessions.PresetTitle(request));
            }
            else problems[prefix + "source.request"] = ["This request does not build a session."];
        }
        return (null, null, "");
    }

    /// <summary>The session the player says it played: it must be a session of the catalog's exercises, with items in it.</summary>
    private Session? SentSnapshot(Session sent, string prefix, Dictionary<string, string[]> problems)
    {
        if (sent.Blocks is not { Count: > 0 } blocks || blocks.Any(b => b.Items is null) || !sent.Items.Any()
            || sent.Items.Any(i => i is null || i.Slug is null || catalog.Current.Exercise(i.Slug) is null || i.Seconds is < 0 or > 24 * 3600))
        {
            problems[prefix + "snapshot"] = ["The snapshot is not a session of this app's exercises."];
            return null;
        }
        return sent;
    }

    /// <summary>An ISO 8601 time that states its offset ("Z" or "+01:00"); one without is refused, not guessed.</summary>
    private static DateTimeOffset? Instant(string? text) =>
        text is { Length: >= 20 } && (text.EndsWith('Z') || text[^6] is '+' or '-')
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    private SessionRecordRow Row(string owner, SessionRecord record, RecordShape shape, string hash) => new()
    {
        UserId = owner,
        Id = record.Id,
        StartedAt = record.StartedAt.UtcDateTime,
        FinishedAt = record.FinishedAt.UtcDateTime,
        TimeZone = record.TimeZone,
        Title = record.Title,
        OccurrenceId = record.OccurrenceId,
        PainBefore = record.PainBefore,
        PainAfter = record.PainAfter,
        Ease = record.Ease,
        Input = JsonSerializer.Serialize(shape with { Id = record.Id }, CatalogJson.Options),
        Snapshot = CatalogJson.Serialize(record.Snapshot),
        ContentHash = hash,
        ReceivedAt = clock.GetUtcNow().UtcDateTime,
        Marks = shape.Flags is { Count: > 0 } flags ? JsonSerializer.Serialize(flags, CatalogJson.Options) : "",
        Fingerprint = RandomNumberGenerator.GetInt32(1, int.MaxValue),
    };

    /// <summary>The body's fingerprint, by its parsed fields rather than its bytes, so spacing or field order do not matter.</summary>
    private static string Hash(RecordShape shape) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(shape with { Id = shape.Id?.ToLowerInvariant() }, CatalogJson.Options))));

    private static RecordView View(SessionRecordRow row)
    {
        var shape = Read(row.Input);
        var snapshot = CatalogJson.Deserialize<Session>(row.Snapshot);
        return new RecordView(row.Id, shape.StartedAt!, shape.FinishedAt!, row.TimeZone, shape.Source!, shape.Items ?? [], row.PainBefore, row.PainAfter, row.Ease,
            shape.Note, shape.Flags ?? [], shape.Pauses, shape.PausedSeconds, row.Title, Minutes(row.StartedAt, row.FinishedAt), snapshot, row.ReceivedAt);
    }

    /// <summary>The start and finish as the player sent them (with their offset), read without parsing the whole input.</summary>
    private static (string StartedAt, string FinishedAt) SentTimes(string input)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(input));
        string? startedAt = null, finishedAt = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && (startedAt is null || finishedAt is null))
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "startedAt") startedAt = reader.GetString();
            else if (name == "finishedAt") finishedAt = reader.GetString();
            else reader.Skip();
        }
        return (startedAt!, finishedAt!);
    }

    private static SessionRecord ToRecord(SessionRecordRow row)
    {
        var shape = Read(row.Input);
        return new SessionRecord
        {
            Id = row.Id,
            StartedAt = new DateTimeOffset(row.StartedAt, TimeSpan.Zero),
            FinishedAt = new DateTimeOffset(row.FinishedAt, TimeSpan.Zero),
            TimeZone = row.TimeZone,
            Snapshot = CatalogJson.Deserialize<Session>(row.Snapshot),
            Items = (shape.Items ?? []).Select(i => new RecordItem(i.Slug!, i.Side is null ? null : Vocabulary.TryParse<Side>(i.Side, out var side) ? side : null,
                Vocabulary.TryParse<ItemStatus>(i.Status, out var status) ? status : ItemStatus.Skipped, i.Seconds ?? 0)).ToList(),
            PainBefore = row.PainBefore,
            PainAfter = row.PainAfter,
            Ease = row.Ease,
            Note = shape.Note,
            Flags = Flags(shape.Flags),
            OccurrenceId = row.OccurrenceId,
            Title = row.Title,
        };
    }

    /// <summary>
    /// What the pages read back of a stored input: every field but the snapshot the player may have sent.
    /// The row keeps the session played in its own column, so the input's copy is skipped unparsed rather
    /// than built a second time for every record read.
    /// </summary>
    private sealed record StoredInput(
        string? StartedAt, string? FinishedAt, RecordSourceShape? Source, IReadOnlyList<RecordItemShape>? Items, string? Note, IReadOnlyList<FlagShape>? Flags, int? Pauses = null, int? PausedSeconds = null);

    private static readonly JsonSerializerOptions SkipUnread = new(CatalogJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    private static StoredInput Read(string input) => JsonSerializer.Deserialize<StoredInput>(input, SkipUnread)!;

    private static IReadOnlyList<ExerciseFlag> Flags(IReadOnlyList<FlagShape>? flags) =>
        (flags ?? []).Select(f => new ExerciseFlag(f.Slug!, Vocabulary.TryParse<Felt>(f.Felt, out var felt) ? felt : Felt.Good)).ToList();

    private static int Minutes(DateTime startedAt, DateTime finishedAt) => (int)Math.Round((finishedAt - startedAt).TotalMinutes);

    private static DateOnly LocalDate(RecordSummary summary) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(summary.StartedAt, CultureInfo.InvariantCulture), Zones.Find(summary.TimeZone)).DateTime);
}
