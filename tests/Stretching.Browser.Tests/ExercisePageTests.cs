using Stretching.Browser.Tests.Infrastructure;
using Stretching.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests;

public sealed class ExercisePageTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [BrowserFact]
    public Task OpeningACardShowsTheExerciseWithItsStepsAndContraindications() => WithPageAsync(async page =>
    {
        var catalog = await CatalogPage.OpenAsync(page);

        var exercise = await catalog.OpenExerciseAsync("Hanging on the horizontal bar");

        Assert.EndsWith("/exercises/bar-hang", page.Url, StringComparison.Ordinal);
        await Expect(exercise.Heading).ToHaveTextAsync("Hanging on the horizontal bar");
        var expected = await CatalogApi.GetAsync(page, "exercises/bar-hang");
        await Expect(exercise.Steps).ToHaveCountAsync(expected.GetProperty("steps").GetArrayLength());
        await Expect(exercise.Contraindications).ToHaveCountAsync(expected.GetProperty("contraindications").GetArrayLength());
        await Expect(exercise.Contraindications.Filter(new() { HasTextString = "Lesion of the neck discs or vertebrae" })).ToHaveCountAsync(1);
        await Expect(exercise.Safety).ToBeVisibleAsync();
        await Expect(exercise.Dosage).ToBeVisibleAsync();
    });

    [BrowserFact]
    public Task FollowingAVariationLinkOpensThatExercise() => WithPageAsync(async page =>
    {
        var (exercise, _) = await ExercisePage.OpenAsync(page, "bar-hang");
        var link = exercise.VariationLinks.First;
        var name = await link.InnerTextAsync();

        await exercise.OpenVariationAsync(link);

        await Expect(exercise.Heading).ToHaveTextAsync(name);
        await Expect(exercise.Steps.First).ToBeVisibleAsync();
    });

    [BrowserFact]
    public Task AnUnknownExerciseAddressShowsPageNotFoundWithStatus404() => WithPageAsync(async page =>
    {
        var (exercise, response) = await ExercisePage.OpenAsync(page, "no-such-exercise");

        Assert.Equal(404, response?.Status);
        await Expect(exercise.Heading).ToHaveTextAsync("Page not found");
        await Expect(page).ToHaveTitleAsync("Page not found");
    });

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/exercises/cobra")]
    public Task EveryPageLinksToTheSafetyNotesFromItsFooter(string path) => WithPageAsync(async page =>
    {
        await page.GotoAsync(path);

        await new SiteLayout(page).FooterSafetyLink.ClickAsync();

        await page.WaitForPageAsync("/safety");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Safety notes");
    }, variant: path.Replace('/', '_'));
}
