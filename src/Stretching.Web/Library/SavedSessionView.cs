using Stretching.Core.Sessions;
using Stretching.Web.Data;

namespace Stretching.Web.Library;

/// <summary>A saved session as the API and pages show it: the session's own shape, with its id and name.</summary>
public sealed record SavedSessionView(
    string Id,
    string Name,
    int Minutes,
    int TotalSeconds,
    int? Seed,
    IReadOnlyList<SessionBlock> Blocks,
    IReadOnlyList<ExcludedExercise> Excluded,
    IReadOnlyList<string> Warnings,
    string CatalogVersion,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Revision)
{
    public static SavedSessionView From(SavedSession row)
    {
        var session = row.Session();
        return new(row.Id, row.Name, session.Minutes, session.TotalSeconds, session.Seed, session.Blocks, session.Excluded,
            session.Warnings, row.CatalogVersion, row.CreatedAt, row.UpdatedAt, row.Revision);
    }
}

/// <summary>One line of the list of saved sessions.</summary>
public sealed record SavedSessionSummary(string Id, string Name, int Minutes, int TotalSeconds, DateTime UpdatedAt);

/// <summary>What a saved session was made from: a routine, or a builder request.</summary>
public sealed record SessionSource(string? Routine = null, SessionInput? Request = null);

public static class SavedSessionDocuments
{
    /// <summary>The timeline a saved session plays, as it was saved.</summary>
    public static Session Session(this SavedSession row) => Stretching.Core.Catalog.CatalogJson.Deserialize<Session>(row.Document);
}
