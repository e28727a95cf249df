using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;
using Stretching.Web.Catalog;
using Stretching.Web.Data;

namespace Stretching.Web.Library;

/// <summary>The outcome of changing a saved session.</summary>
public abstract record LibraryResult
{
    private LibraryResult()
    {
    }

    public sealed record Saved(SavedSession Session, IReadOnlyList<ExcludedExercise> Removed) : LibraryResult;

    /// <summary>It does not exist, or belongs to someone else: the caller cannot tell which.</summary>
    public sealed record NotFound : LibraryResult;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Problems) : LibraryResult;

    public sealed record Refused(Refusal Refusal) : LibraryResult;

    /// <summary>Someone changed it since the copy the edit was made from.</summary>
    public sealed record Conflict : LibraryResult;
}

/// <summary>
/// One person's saved sessions. Every query is filtered by the owner, so another person's id looks
/// exactly like an id that does not exist. Sessions are stored as the timeline they play; edits go
/// through <see cref="SessionEditor"/> with the owner's conditions.
/// </summary>
public sealed class SessionLibrary(StretchingDbContext db, SignedInQueries queries, CatalogStore catalog, Profiles profiles, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public async Task<IReadOnlyList<SavedSessionSummary>> ListAsync(string owner, CancellationToken cancellationToken = default)
    {
        var rows = await queries.SavedSessions(db, owner).ToListAsync(cancellationToken);
        return rows.Select(r => { var s = r.Session(); return new SavedSessionSummary(r.Id, r.Name, s.Minutes, s.TotalSeconds, r.UpdatedAt); }).ToList();
    }

    /// <summary>Every saved session in full, for the person's data download.</summary>
    public async Task<IReadOnlyList<SavedSessionView>> ExportAsync(string owner, CancellationToken cancellationToken = default) =>
        (await db.SavedSessions.AsNoTracking().Where(s => s.UserId == owner).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken))
            .Select(SavedSessionView.From).ToList();

    public Task<SavedSession?> FindAsync(string owner, string id, CancellationToken cancellationToken = default) =>
        db.SavedSessions.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == owner && s.Id == id, cancellationToken);

    /// <summary>Saves a routine or a freshly built session under a name.</summary>
    /// <param name="personalise">The owner's progression, so a built session is saved as the builder showed it to them.</param>
    public async Task<LibraryResult> CreateAsync(string owner, string? name, SessionSource source, Func<SessionRequest, SessionRequest>? personalise = null,
        CancellationToken cancellationToken = default)
    {
        var problems = NameProblems(name);
        var snapshot = catalog.Current;
        Session? session = null;
        if (source.Routine is not null == (source.Request is not null))
        {
            problems["routine"] = ["Give either a routine's slug or a builder request."];
        }
        else if (source.Routine is { } slug)
        {
            if (snapshot.Routine(slug) is { } routine) session = routine.Session;
            else problems["routine"] = [$"No routine has the slug '{VocabularyIds.Clip(slug)}'."];
        }
        else
        {
            switch (snapshot.Builder.Build(source.Request!, personalise: personalise))
            {
                case SessionResult.Built built:
                    session = built.Session;
                    break;
                case SessionResult.Invalid invalid:
                    foreach (var (field, messages) in invalid.Problems) problems[$"request.{field}"] = messages;
                    break;
                case SessionResult.Refused refused:
                    return new LibraryResult.Refused(refused.Refusal);
            }
        }
        if (problems.Count > 0) return new LibraryResult.Invalid(problems);

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new SavedSession
        {
            Id = RandomIds.New(),
            UserId = owner,
            Name = name!.Trim(),
            Source = JsonSerializer.Serialize(source, CatalogJson.Options),
            Document = CatalogJson.Serialize(session!),
            CatalogVersion = snapshot.Version,
            CreatedAt = now,
            UpdatedAt = now,
            Revision = 1,
        };
        db.SavedSessions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new LibraryResult.Saved(row, []);
    }

    public Task<LibraryResult> RenameAsync(string owner, string id, string? name, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(owner, id, expectedRevision, row =>
        {
            var problems = NameProblems(name);
            if (problems.Count > 0) return Task.FromResult<LibraryResult?>(new LibraryResult.Invalid(problems));
            row.Name = name!.Trim();
            return Task.FromResult<LibraryResult?>(null);
        }, cancellationToken);

    /// <summary>
    /// Replaces the session's exercises with edited entries: doses that changed must fit the exercise's
    /// range, then the safety screen re-runs with the owner's conditions and the rests are placed again.
    /// </summary>
    public Task<LibraryResult> EditAsync(string owner, string id, Func<List<SessionEntry>, IReadOnlyDictionary<string, string[]>?> edit,
        int? expectedRevision = null, string? name = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(owner, id, expectedRevision, async row =>
        {
            var problems = name is null ? new Dictionary<string, string[]>() : NameProblems(name);
            var before = SessionEditor.Entries(row.Session());
            var entries = before.ToList();
            if (edit(entries) is { Count: > 0 } editProblems)
            {
                foreach (var (field, messages) in editProblems) problems[field] = messages;
            }
            var editor = new SessionEditor(catalog.Current);
            var level = await LevelAsync(owner, cancellationToken);
            foreach (var (entry, index) in entries.Select((e, i) => (e, i)).Where(e => !before.Contains(e.e)))
            {
                if (editor.DoseProblem(entry.Slug, entry.Dose, level) is { } problem) problems[$"entries[{index}]"] = [problem];
            }
            if (problems.Count > 0) return new LibraryResult.Invalid(problems);

            var result = editor.Rebuild(entries, await profiles.ConditionsAsync(owner, cancellationToken));
            row.Document = CatalogJson.Serialize(result.Session);
            row.CatalogVersion = catalog.Current.Version;
            if (name is not null) row.Name = name.Trim();
            return new LibraryResult.Saved(row, result.Removed);
        }, cancellationToken);

    /// <summary>Adds an exercise at the end of the main set with its usual dose for the owner's level.</summary>
    public async Task<LibraryResult> AddExerciseAsync(string owner, string id, string? slug, int? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        var level = await LevelAsync(owner, cancellationToken);
        return await EditAsync(owner, id, entries =>
        {
            if (catalog.Current.Exercise(slug ?? "") is not { } exercise || !DosageRules.CanDose(exercise))
            {
                return new Dictionary<string, string[]> { ["slug"] = ["Choose an exercise from the catalog."] };
            }
            SessionEditor.AppendToMain(entries, new SessionEntry(BlockKind.Main, exercise.Slug, DosageRules.For(exercise, level), 1));
            return null;
        }, expectedRevision, cancellationToken: cancellationToken);
    }

    /// <summary>The owner's level from their profile: what doses are checked against and added at.</summary>
    public async Task<Level> LevelAsync(string owner, CancellationToken cancellationToken = default) =>
        Vocabulary.TryParse<Level>((await profiles.GetAsync(owner, cancellationToken)).Level, out var level) ? level : Level.Beginner;

    public async Task<LibraryResult> DuplicateAsync(string owner, string id, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(owner, id, cancellationToken) is not { } original) return new LibraryResult.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var copy = new SavedSession
        {
            Id = RandomIds.New(),
            UserId = owner,
            Name = CopyName(original.Name),
            Source = original.Source,
            Document = original.Document,
            CatalogVersion = original.CatalogVersion,
            CreatedAt = now,
            UpdatedAt = now,
            Revision = 1,
        };
        db.SavedSessions.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return new LibraryResult.Saved(copy, []);
    }

    public async Task<bool> DeleteAsync(string owner, string id, CancellationToken cancellationToken = default) =>
        await db.SavedSessions.Where(s => s.UserId == owner && s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task<LibraryResult> ChangeAsync(string owner, string id, int? expectedRevision, Func<SavedSession, Task<LibraryResult?>> change, CancellationToken cancellationToken)
    {
        var row = await db.SavedSessions.SingleOrDefaultAsync(s => s.UserId == owner && s.Id == id, cancellationToken);
        if (row is null) return new LibraryResult.NotFound();
        if (expectedRevision is { } expected && expected != row.Revision) return new LibraryResult.Conflict();

        var outcome = await change(row);
        if (outcome is not null and not LibraryResult.Saved) return outcome;
        row.Revision++;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new LibraryResult.Conflict();
        }
        return outcome ?? new LibraryResult.Saved(row, []);
    }

    private static Dictionary<string, string[]> NameProblems(string? name)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name)) problems["name"] = ["Give the session a name."];
        else if (name.Trim().Length > MaxNameLength) problems["name"] = [$"A name has at most {MaxNameLength} characters."];
        return problems;
    }

    private static string CopyName(string name)
    {
        var copy = $"{name} (copy)";
        return copy.Length <= MaxNameLength ? copy : copy[^MaxNameLength..];
    }
}
