using Stretching.Browser.Tests.Infrastructure;
using Stretching.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests;

public sealed class CatalogFilterTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private const string BarHang = "Hanging on the horizontal bar";

    [BrowserFact]
    public Task TypingANameShowsOnlyMatchingExercisesAndBackRestoresTheFullList() => WithPageAsync(async page =>
    {
        var catalog = await CatalogPage.OpenAsync(page);
        var total = await catalog.CountAsync();

        await catalog.SearchAsync("cobra");

        Assert.Contains("q=cobra", page.Url, StringComparison.Ordinal);
        var names = await catalog.CardNamesAsync();
        Assert.Contains("Cobra pose", names);
        Assert.Equal((await CatalogApi.ExerciseNamesAsync(page, "?q=cobra")).Order(), names.Order());
        Assert.Equal(names.Count, await catalog.CountAsync());
        Assert.True(names.Count < total);

        await page.GoBackAsync();
        await page.WaitForPageAsync("/exercises");
        Assert.Equal(total, await catalog.CountAsync());
        await Expect(catalog.Cards).ToHaveCountAsync(total);
    });

    [BrowserFact]
    public Task TickingARegionAndALevelShowsOnlyBeginnerExercisesForThatRegion() => WithPageAsync(async page =>
    {
        var catalog = await CatalogPage.OpenAsync(page);
        var total = await catalog.CountAsync();

        await catalog.TickAsync("region", "lumbar");
        await catalog.TickAsync("level", "beginner");
        await catalog.ApplyFiltersAsync();

        var count = await catalog.CountAsync();
        Assert.InRange(count, 1, total - 1);
        await Expect(catalog.Cards).ToHaveCountAsync(count);
        Assert.Equal(count, (await CatalogApi.ExerciseNamesAsync(page, "?region=lumbar&level=beginner")).Length);
        Assert.All(await catalog.CardMetaAsync(), meta => Assert.EndsWith("· Beginner", meta, StringComparison.Ordinal));
        Assert.All(await catalog.CardRegionsAsync(), regions => Assert.Contains("Lower back", regions, StringComparison.Ordinal));
        await Expect(catalog.Checkbox("region", "lumbar")).ToBeCheckedAsync();
        await Expect(catalog.Checkbox("level", "beginner")).ToBeCheckedAsync();
    });

    [BrowserFact]
    public Task ExcludingAConditionLeavesOutTheExercisesNotAdvisedForIt() => WithPageAsync(async page =>
    {
        var catalog = await CatalogPage.OpenAsync(page);
        var total = await catalog.CountAsync();
        await Expect(catalog.Card(BarHang)).ToHaveCountAsync(1);
        await Expect(catalog.Section("Health conditions")).Not.ToHaveAttributeAsync("open", "");

        await catalog.TickAsync("exclude", "cervical-spine-lesion");
        await catalog.ApplyFiltersAsync();

        await Expect(catalog.Card(BarHang)).ToHaveCountAsync(0);
        var count = await catalog.CountAsync();
        Assert.True(count < total);
        Assert.Equal(count, (await CatalogApi.ExerciseNamesAsync(page, "?exclude=cervical-spine-lesion")).Length);
        await Expect(catalog.Section("Health conditions")).ToHaveAttributeAsync("open", "");
        await Expect(catalog.Checkbox("exclude", "cervical-spine-lesion")).ToBeCheckedAsync();
    });

    [BrowserFact]
    public Task TheHerniaFilterLeavesOutLoadedBendingAndMarksWhatNeedsCare() => WithPageAsync(async page =>
    {
        var catalog = await CatalogPage.OpenAsync(page);

        await catalog.TickAsync("exclude", "hernia");
        await catalog.ApplyFiltersAsync();

        await Expect(catalog.Card("Jefferson curl")).ToHaveCountAsync(0);
        await Expect(catalog.Caution("Cat-cow")).ToContainTextAsync("Needs care with disc hernia or protrusion: bending forward, bending backward");
        Assert.Equal(await catalog.CountAsync(), (await CatalogApi.ExerciseNamesAsync(page, "?exclude=hernia")).Length);
    });

    [BrowserFact]
    public Task TheOsteoporosisFilterSaysADoctorComesFirstAndMarksWhatNeedsCare() => WithPageAsync(async page =>
    {
        var catalog = await CatalogPage.OpenAsync(page);

        await catalog.TickAsync("exclude", "osteoporosis");
        await catalog.ApplyFiltersAsync();

        await Expect(page.Locator(".programme-advice")).ToContainTextAsync("A doctor may approve gentle exercise");
        await Expect(catalog.Card("Lying twist")).ToHaveCountAsync(0);
        await Expect(catalog.Card("Rolls on the back")).ToHaveCountAsync(0);
        await Expect(catalog.Caution("Knees to chest")).ToContainTextAsync("Needs care with osteoporosis: bending forward");
        await Expect(page.Locator(".health-left-out")).ToBeVisibleAsync();
    });

    [BrowserFact]
    public Task AFilterWithNoResultsShowsTheEmptyStateAndClearingItRestoresTheFullList() => WithPageAsync(async page =>
    {
        var catalog = await CatalogPage.OpenAsync(page);
        var total = (await CatalogApi.ExerciseNamesAsync(page)).Length;

        await catalog.SearchAsync("no such stretch");

        await Expect(catalog.EmptyState).ToBeVisibleAsync();
        await Expect(catalog.Cards).ToHaveCountAsync(0);
        Assert.Equal(0, await catalog.CountAsync());

        await catalog.ClearAllFiltersAsync();

        await Expect(catalog.EmptyState).ToHaveCountAsync(0);
        await Expect(catalog.Cards).ToHaveCountAsync(total);
        Assert.Equal(total, await catalog.CountAsync());
        await Expect(catalog.NameBox).ToHaveValueAsync("");
    });
}
