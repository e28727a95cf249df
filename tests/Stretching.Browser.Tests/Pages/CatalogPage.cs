using System.Globalization;
using Stretching.Browser.Tests.Infrastructure;

namespace Stretching.Browser.Tests.Pages;

public sealed class CatalogPage(IPage page)
{
    public static async Task<CatalogPage> OpenAsync(IPage page, string query = "")
    {
        await page.GotoAsync("/exercises" + query);
        return new CatalogPage(page);
    }

    public ILocator Filters => page.Locator("form.filters");

    public ILocator NameBox => page.Locator("#q");

    public ILocator ApplyButton => Filters.GetByRole(AriaRole.Button, new() { Name = "Apply filters" });

    public ILocator ResultCount => page.Locator("p.result-count");

    public ILocator Cards => page.Locator("article.exercise-card");

    public ILocator EmptyState => page.Locator(".empty-state");

    public ILocator Card(string name) =>
        Cards.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    public ILocator Caution(string name) => Card(name).Locator(".caution");

    public ILocator Checkbox(string group, string id) => page.Locator($"#{group}-{id}");

    public ILocator Section(string summary) =>
        Filters.Locator("details").Filter(new() { Has = page.Locator("summary", new() { HasTextString = summary }) });

    public async Task<int> CountAsync()
    {
        var text = await ResultCount.InnerTextAsync();
        return int.Parse(text.Split(' ', 2)[0], CultureInfo.InvariantCulture);
    }

    public Task<IReadOnlyList<string>> CardNamesAsync() => Cards.Locator("h2 a").AllInnerTextsAsync();

    public Task<IReadOnlyList<string>> CardMetaAsync() => Cards.Locator(".card-body > p.text-body-secondary").AllInnerTextsAsync();

    public Task<IReadOnlyList<string>> CardRegionsAsync() => Cards.Locator("ul[aria-label=Regions]").AllInnerTextsAsync();

    /// <summary>Ticks a filter, first opening its collapsed details section if it sits in one.</summary>
    public async Task TickAsync(string group, string id)
    {
        var box = Checkbox(group, id);
        if (!await box.IsVisibleAsync())
        {
            await page.Locator("details", new() { Has = box }).Locator("summary").ClickAsync();
        }
        await box.CheckAsync();
    }

    public async Task SearchAsync(string name)
    {
        await NameBox.FillAsync(name);
        await ApplyFiltersAsync();
    }

    public Task ApplyFiltersAsync() => SubmitAsync(() => ApplyButton.ClickAsync());

    /// <summary>
    /// Submits the GET form some way and waits for the page it loads, recognised by the query the
    /// form serialises to, since every submit is a full page load under static SSR. The form's
    /// action ends in #results, so the new page opens at the results.
    /// </summary>
    public async Task SubmitAsync(Func<Task> submit)
    {
        var query = await Filters.EvaluateAsync<string>("form => new URLSearchParams(new FormData(form)).toString()");
        await submit();
        await page.WaitForPageAsync("/exercises?" + query + "#results");
    }

    public async Task ClearAllFiltersAsync()
    {
        await EmptyState.GetByRole(AriaRole.Link, new() { Name = "Clear all filters" }).ClickAsync();
        await page.WaitForPageAsync("/exercises");
    }

    public async Task<ExercisePage> OpenExerciseAsync(string name)
    {
        var link = Card(name).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        var href = await link.GetAttributeAsync("href");
        await link.ClickAsync();
        await page.WaitForPageAsync("/" + href);
        return new ExercisePage(page);
    }
}
