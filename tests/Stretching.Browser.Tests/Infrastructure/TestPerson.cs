using System.Text.Json;
using System.Text.RegularExpressions;

namespace Stretching.Browser.Tests.Infrastructure;

/// <summary>
/// A person with an account on the test server, made through the account API and confirmed with the
/// link the app wrote to its outbox. Pages of signed-in people are checked as this person, who has a
/// profile, a favourite, one saved session, a weekly plan, three played sessions and a shared report.
/// </summary>
public sealed partial class TestPerson
{
    public const string Password = "Stretch-2026!";

    public required string Email { get; init; }

    public string SavedSessionId { get; private set; } = "";

    public string SlotId { get; private set; } = "";

    public string RecordId { get; private set; } = "";

    /// <summary>The path of a read-only link to this person's report, made with the report page's own form.</summary>
    public string SharedReportAddress { get; private set; } = "";

    /// <summary>The newest message the app wrote to its outbox for an address, waiting a little for it.</summary>
    public static async Task<string> EmailToAsync(StretchingServer server, string email, int after = 0)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var files = Directory.Exists(server.OutboxDirectory) ? Directory.GetFiles(server.OutboxDirectory, $"*-{email}.txt").Order().ToList() : [];
            if (files.Count > after) return await File.ReadAllTextAsync(files[^1]);
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"No email to {email} in {server.OutboxDirectory}.");
    }

    /// <summary>The first link of an email, as a path and query for the browser's base address.</summary>
    public static string LinkIn(string email) => new Uri(Link().Match(email).Value).PathAndQuery;

    public static async Task<TestPerson> CreateAsync(StretchingServer server, BrowserFixture browser)
    {
        var person = new TestPerson { Email = $"browser-{Guid.NewGuid():N}@example.test" };
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var api = context.APIRequest;
        Ok(await api.PostAsync("/api/account/register", new() { DataObject = new { email = person.Email, password = Password } }));
        Ok(await api.GetAsync(LinkIn(await EmailToAsync(server, person.Email))));
        await person.SignInAsync(context);
        Ok(await api.PutAsync("/api/me/profile", new()
        {
            DataObject = new { level = "beginner", equipment = new[] { "mat", "chair" }, conditions = new[] { "scoliosis" }, timeZone = "Europe/London", healthConsent = true, preferFavourites = true },
        }));
        Ok(await api.PutAsync("/api/me/favourites/cat-cow"));
        var saved = await api.PostAsync("/api/me/sessions", new() { DataObject = new { name = "Evening stretch", request = new { minutes = 20, level = "beginner", equipment = new[] { "mat" }, seed = 42 } } });
        Ok(saved);
        person.SavedSessionId = JsonDocument.Parse(await saved.TextAsync()).RootElement.GetProperty("id").GetString()!;
        var plan = await api.PutAsync("/api/me/plan", new()
        {
            DataObject = new
            {
                goal = "back-health", timeZone = "Europe/London", trainingDays = new[] { "wednesday" }, alarmMinutes = 10,
                slots = new object[]
                {
                    new { day = "monday", time = "19:30", play = new { routine = "twelve-back-stretches" } },
                    new { day = "tuesday", time = "19:30", play = new { session = person.SavedSessionId } },
                    new { day = "thursday", time = "07:30", play = new { preset = new { minutes = 30, level = "beginner", focus = new[] { "lumbar" }, equipment = new[] { "mat" } } } },
                    new { day = "saturday", time = "19:30", play = new { routine = "twelve-back-stretches" } },
                },
            },
        });
        Ok(plan);
        person.SlotId = JsonDocument.Parse(await plan.TextAsync()).RootElement.GetProperty("slots")[0].GetProperty("id").GetString()!;

        // Three sessions played over the last two weeks, the last one with an exercise that hurt.
        var routine = JsonDocument.Parse(await (await api.GetAsync("/api/routines/twelve-back-stretches")).TextAsync()).RootElement;
        var items = routine.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray())
            .Select(i => new { slug = i.GetProperty("slug").GetString(), side = i.GetProperty("side").ValueKind == JsonValueKind.Null ? null : i.GetProperty("side").GetString(), status = "done", seconds = 30 })
            .ToArray();
        foreach (var (daysAgo, before, after) in new[] { (12, 6, 4), (7, 5, 3), (2, 4, 2) })
        {
            var start = DateTimeOffset.UtcNow.AddDays(-daysAgo);
            person.RecordId = Guid.NewGuid().ToString();
            Ok(await api.PostAsync("/api/me/history", new()
            {
                DataObject = new
                {
                    id = person.RecordId, startedAt = start.ToString("O"), finishedAt = start.AddMinutes(31).ToString("O"), timeZone = "Europe/London",
                    source = new { routine = "twelve-back-stretches" }, items, painBefore = before, painAfter = after, ease = 2, note = "Calm evening",
                    flags = daysAgo == 2 ? new object[] { new { slug = "knees-to-chest", felt = "hurt" } } : [],
                },
            }));
        }

        var report = await context.NewPageAsync();
        await report.GotoAsync("/history/report");
        await report.GetByRole(AriaRole.Button, new() { Name = "Make a read-only link" }).ClickAsync();
        person.SharedReportAddress = new Uri(await report.Locator(".report-share-link input[readonly]").First.InputValueAsync()).AbsolutePath;
        return person;
    }

    /// <summary>Signs the context in with an authentication cookie, as the sign-in page would.</summary>
    public async Task SignInAsync(IBrowserContext context) =>
        Ok(await context.APIRequest.PostAsync("/api/account/login?useCookies=true", new() { DataObject = new { email = Email, password = Password } }));

    private static void Ok(IAPIResponse response)
    {
        if (!response.Ok) throw new InvalidOperationException($"{response.Url} answered {response.Status}.");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
