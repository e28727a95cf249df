namespace Stretching.Web.Data;

/// <summary>
/// A row seeded from data/: the slug and name as columns, the rest as the data file's own JSON
/// (the same shape the API returns). Exercises and routines are both stored this way.
/// </summary>
public abstract class CuratedDocument
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Document { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class ExerciseEntity : CuratedDocument;

public sealed class RoutineEntity : CuratedDocument;
