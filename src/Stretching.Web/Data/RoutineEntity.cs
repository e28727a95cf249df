namespace Stretching.Web.Data;

/// <summary>A library routine row: its slug and name as columns, the routine itself as the data file's JSON.</summary>
public sealed class RoutineEntity : ICuratedDocument
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Document { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
