using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Stretching.Core.Planning;
using Stretching.Web.Accounts;
using Stretching.Web.Planning;

namespace Stretching.Web.Apis;

/// <summary>A plan warning for clients: the rule's code and the text shown to the person.</summary>
public sealed record WarningShape(string Code, string Text);

/// <summary>
/// A person's weekly plan under /api/me/plan, with the library API's rules: a sign-in is needed, only
/// the owner's plan is ever read or written, and bad input is a 400 naming the field.
/// </summary>
public static class PlanApi
{
    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/me/plan").WithTags("My plan").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        plan.MapGet("", GetPlanAsync).WithName("GetPlan").WithSummary("Gets my weekly plan, its warnings and my calendar feed's address");
        plan.MapPut("", SavePlanAsync).WithName("SavePlan").WithSummary("Replaces my weekly plan; id, calendarUrl and warnings are the server's and ignored")
            .Accepts<PlanShape>("application/json");
        plan.MapPost("/generate", GenerateAsync).WithName("GeneratePlan")
            .WithSummary("Plans a week by the articles' rules from free days and times, minutes, level, focus, equipment and conditions; nothing is saved")
            .Accepts<GenerateShape>("application/json").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        plan.MapGet("/week", GetWeekAsync).WithName("GetPlanWeek")
            .WithSummary("The sessions of one week (start: YYYY-MM-DD, this week by default) with local and UTC times, what plays and the player's address");
        plan.MapGet("/warnings", GetWarningsAsync).WithName("GetPlanWarnings").WithSummary("What my plan breaks of the articles' weekly rules, and hints");
        return app;
    }

    private static async Task<Ok<PlanShape>> GetPlanAsync(HttpRequest http, ClaimsPrincipal user, PlanStore store, CalendarFeeds feeds, CancellationToken cancellationToken)
    {
        var owner = user.OwnerId();
        var stored = await store.LoadAsync(owner, cancellationToken);
        return TypedResults.Ok(WithFeed(http, feeds.Token(owner, stored), await store.ShapeAsync(owner, stored.Plan, cancellationToken)));
    }

    private static async Task<Results<Ok<PlanShape>, ValidationProblem>> SavePlanAsync(
        HttpRequest http, ClaimsPrincipal user, PlanStore store, CalendarFeeds feeds, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<PlanShape>(http, cancellationToken);
        if (problem is not null) return problem;
        var owner = user.OwnerId();
        var problems = await store.SaveAsync(owner, body!, cancellationToken);
        if (problems.Count > 0) return JsonBody.Invalid(problems);
        await feeds.EnsureAsync(owner, cancellationToken);
        var stored = await store.LoadAsync(owner, cancellationToken);
        return TypedResults.Ok(WithFeed(http, feeds.Token(owner, stored), await store.ShapeAsync(owner, stored.Plan, cancellationToken)));
    }

    private static async Task<Results<Ok<PlanShape>, ValidationProblem, ProblemHttpResult>> GenerateAsync(
        HttpRequest http, ClaimsPrincipal user, PlanStore store, PlanGenerator generator, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<GenerateShape>(http, cancellationToken);
        if (problem is not null) return problem;
        return generator.Generate(body!) switch
        {
            PlanResult.Planned planned => TypedResults.Ok((await store.ShapeAsync(user.OwnerId(), planned.Plan, cancellationToken)) with
            {
                Warnings = planned.Warnings.Select(w => w.Text).ToList(),
            }),
            PlanResult.Refused refused => SessionsApi.Refused(refused.Refusal),
            PlanResult.Invalid invalid => JsonBody.Invalid(invalid.Problems),
            _ => throw new UnreachableException(),
        };
    }

    private static async Task<Results<Ok<WeekShape>, ValidationProblem>> GetWeekAsync(
        string? start, HttpRequest http, ClaimsPrincipal user, PlanStore store, PlannedSessions sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var owner = user.OwnerId();
        var plan = (await store.LoadAsync(owner, cancellationToken)).Plan;
        DateOnly from;
        if (start is null) from = PlanCalendar.WeekStart(PlanClock.Today(plan, clock));
        else if (!DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
            return JsonBody.Invalid("start", "Give the first day of the week as YYYY-MM-DD.");

        var week = await sessions.BetweenAsync(owner, plan, from, from.AddDays(7), cancellationToken);
        var origin = $"{http.Scheme}://{http.Host}{http.PathBase}/";
        return TypedResults.Ok(new WeekShape(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), plan.TimeZone, week.Select(p => new OccurrenceShape(
            p.Id, p.Occurrence.Slot.Id, p.Occurrence.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            p.Occurrence.LocalStart.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), p.Occurrence.Start.ToUniversalTime(),
            p.End.ToUniversalTime(), p.Occurrence.Moved, p.Title, p.Minutes, PlanStore.ShapeOf(p.Occurrence.Slot.Play), origin + p.PlayerPath)).ToList()));
    }

    private static async Task<Ok<IReadOnlyList<WarningShape>>> GetWarningsAsync(ClaimsPrincipal user, PlanStore store, CancellationToken cancellationToken)
    {
        var owner = user.OwnerId();
        var plan = (await store.LoadAsync(owner, cancellationToken)).Plan;
        return TypedResults.Ok<IReadOnlyList<WarningShape>>((await store.WarningsAsync(owner, plan, cancellationToken)).Select(w => new WarningShape(w.Code, w.Text)).ToList());
    }

    private static PlanShape WithFeed(HttpRequest http, string? token, PlanShape shape) =>
        token is null ? shape : shape with { CalendarUrl = $"{http.Scheme}://{http.Host}{http.PathBase}/calendar/{token}.ics" };
}
