using System.Text.RegularExpressions;
using Stretching.Browser.Tests.Infrastructure;

namespace Stretching.Browser.Tests;

/// <summary>A week planned on a phone, one slot changed, and today's session started from the home page in one tap.</summary>
public sealed class PlanFlowTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [BrowserFact]
    public Task PlanMyWeekOnAPhoneEditASlotAndStartTodaysSessionFromHome() => WithPageAsync(async page =>
    {
        var person = new TestPerson { Email = $"plan-{Guid.NewGuid():N}@example.test" };
        await page.APIRequest.PostAsync("/api/account/register", new() { DataObject = new { email = person.Email, password = TestPerson.Password } });
        await page.APIRequest.GetAsync(TestPerson.LinkIn(await TestPerson.EmailToAsync(Server, person.Email)));
        await person.SignInAsync(page.Context);

        await page.GotoAsync("/plan/generate");
        await page.GetByLabel("A dancer's flexible spine: every day").CheckAsync();
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" })
        {
            await page.Locator(".free-days").GetByLabel(day, new() { Exact = true }).CheckAsync();
            // Every day at 23:59 in UTC: today's session is still ahead whenever the test runs (but in its last minute).
            await page.GetByLabel($"{day} from").FillAsync("23:59");
        }
        await page.GetByLabel("Minutes a session").FillAsync("15");
        await page.GetByLabel("Time zone").SelectOptionAsync("UTC");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan my week" }).ClickAsync();
        await Assertions.Expect(page.Locator(".proposal-days li")).ToHaveCountAsync(7);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My week", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[role=alert]").First).ToContainTextAsync("Your week is planned");

        // Change Friday's slot for every week: ten minutes earlier.
        await page.Locator(".plan-day").Nth(4).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Change") }).ClickAsync();
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync("23:49");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save for every week" }).ClickAsync();
        await Assertions.Expect(page.Locator(".plan-day").Nth(4)).ToContainTextAsync("23:49");

        await page.GotoAsync("/");
        var start = page.Locator(".today a.today-start");
        await Assertions.Expect(start).ToBeVisibleAsync();
        await start.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/play\?occurrence="));
        await page.Locator("session-player button[data-action=start]").ClickAsync();
        await Assertions.Expect(page.Locator("session-player")).ToHaveAttributeAsync("state", "playing");
        await Assertions.Expect(page.Locator("session-player")).ToHaveAttributeAsync("phase", "ready");
    }, options => options.ViewportSize = new() { Width = 390, Height = 844 });
}
