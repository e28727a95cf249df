using Stretching.Core.Sessions;
using Stretching.Web.Catalog;

namespace Stretching.Web.Sessions;

public abstract record SessionResult
{
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Problems) : SessionResult;

    public sealed record Refused(Refusal Refusal) : SessionResult;

    public sealed record Built(Session Session) : SessionResult;
}

public sealed record PlayableRoutine(Routine Routine, Session Session);

/// <summary>Composes the domain's builder and routines with the catalog stored in the database.</summary>
public sealed class SessionService(ExerciseCatalog catalog, RoutineLibrary routines)
{
    public async Task<SessionResult> BuildAsync(SessionInput input, CancellationToken cancellationToken = default)
    {
        var builder = new SessionBuilder(await catalog.GetAllAsync(cancellationToken));
        var request = input.ToRequest(builder.Contains, out var problems);
        if (request is null) return new SessionResult.Invalid(problems);

        var outcome = builder.Build(request);
        return outcome.Refusal is { } refusal
            ? new SessionResult.Refused(refusal)
            : new SessionResult.Built(outcome.Session!);
    }

    public async Task<IReadOnlyList<PlayableRoutine>> RoutinesAsync(CancellationToken cancellationToken = default)
    {
        var exercises = await catalog.GetAllAsync(cancellationToken);
        var all = await routines.GetAllAsync(cancellationToken);
        return all.Select(r => new PlayableRoutine(r, RoutineTimeline.Build(r, exercises))).ToList();
    }

    public async Task<PlayableRoutine?> RoutineAsync(string slug, CancellationToken cancellationToken = default)
    {
        var routine = await routines.FindAsync(slug, cancellationToken);
        return routine is null ? null : new PlayableRoutine(routine, RoutineTimeline.Build(routine, await catalog.GetAllAsync(cancellationToken)));
    }
}
