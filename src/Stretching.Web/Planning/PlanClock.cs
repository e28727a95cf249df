using Stretching.Core.Planning;

namespace Stretching.Web.Planning;

/// <summary>The plan's own "now": dates and weeks are the person's, in the plan's time zone, not the server's.</summary>
public static class PlanClock
{
    public static DateTime LocalNow(WeeklyPlan plan, TimeProvider clock) =>
        TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zones.Find(plan.TimeZone));

    public static DateOnly Today(WeeklyPlan plan, TimeProvider clock) => DateOnly.FromDateTime(LocalNow(plan, clock));
}
