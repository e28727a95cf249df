using Stretching.Core.Planning;
using Stretching.Web.Catalog;

namespace Stretching.Web.Planning;

/// <summary>"Plan my week" for the API and the page: the planner on the current catalog, from this week on.</summary>
public sealed class PlanGenerator(CatalogStore catalog, TimeProvider clock)
{
    public PlanResult Generate(GenerateShape shape)
    {
        if (shape.ToRequest(out var problems) is not { } request) return new PlanResult.Invalid(problems);
        var zone = request.TimeZone is { } id && TimeZones.IsKnown(id) ? Zones.Find(id) : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        return new WeeklyPlanner(catalog.Current).Plan(request, today);
    }
}
