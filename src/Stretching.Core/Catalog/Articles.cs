namespace Stretching.Core.Catalog;

public sealed record Article(string Id, string Title);

/// <summary>
/// The five source articles; ids as in shared/docs/domain-rules.md. Titles are given in our own
/// words where quoting would copy a long run of the article's text.
/// </summary>
public static class Articles
{
    public static readonly IReadOnlyList<Article> All =
    [
        new("spine-top10", "Ten best exercises for a more flexible spine"),
        new("spinal-stretching", "Spinal stretching: the most effective exercises"),
        new("back-stretches-12", "Relieve Pain and Improve Flexibility: 12 Back Stretches"),
        new("therapeutic", "Therapeutic exercises for the back muscles and spine"),
        new("dancer-back", "Exercises for Stretching the Back (for dancers)"),
    ];

    public static Article? Find(string id) => All.FirstOrDefault(a => a.Id == id);
}
