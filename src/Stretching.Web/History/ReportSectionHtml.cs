using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Stretching.Web.History;

/// <summary>A part of the history's pages drawn from a <see cref="ProgressReport"/> and nothing else (<see cref="ReportSectionHtml"/>).</summary>
public interface IReportSection : IComponent
{
    ProgressReport Report { get; set; }
}

/// <summary>
/// Renders the parts of the history's pages that grow with the history (the day-by-day table, the charts,
/// the ratings, every session of a period) once per report, and keeps their HTML with it. A report is kept
/// until the history or the plan changes (<see cref="ProgressCache"/>), and rendering these parts on every
/// request made two years of sessions cost twice what a week of them did.
/// </summary>
public sealed class ReportSectionHtml(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    public Task<string> RenderAsync<TSection>(ProgressReport report) where TSection : IReportSection =>
        report.SectionAsync(typeof(TSection), () => RenderOnceAsync<TSection>(report));

    private async Task<string> RenderOnceAsync<TSection>(ProgressReport report) where TSection : IReportSection
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(IReportSection.Report)] = report });
            return (await renderer.RenderComponentAsync<TSection>(parameters)).ToHtmlString();
        });
    }
}
