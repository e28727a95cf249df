namespace Stretching.Web.Data;

/// <summary>
/// A catalog row. The few fields worth indexing are columns; the full exercise is kept as the
/// catalog's own JSON document, the same shape the data files and the API use.
/// </summary>
public sealed class ExerciseEntity : ICuratedDocument
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Document { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
