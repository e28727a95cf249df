using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Data;
using Stretching.Web.Tests.Accounts;

namespace Stretching.Web.Tests.Pages;

/// <summary>
/// The library pages as a person uses them, forms and all, always with a second person who must see
/// and change nothing of the first one's.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LibraryPagesTests(StretchingAppFactory app)
{
    private static Dictionary<string, string[]> Set(params (string Name, string Value)[] fields) =>
        fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Select(f => f.Value).ToArray());

    /// <summary>Saves what /build shows for a request and returns the new session's id.</summary>
    private static async Task<string> SaveFromBuildAsync(HttpClient person, string build, string name)
    {
        var (_, page) = await HtmlPage.GetAsync(person, build);
        var saved = await HtmlForm.SubmitAsync(person, build, page, "form.save-session", Set(("Save.Name", name)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return saved.Headers.Location!.OriginalString.Split('/').Last();
    }

    [Fact]
    public async Task WhatIsSavedFromTheBuilderIsTheSessionThatWasShownAndOnlyItsOwnerCanOpenOrPlayIt()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);

        // No seed in the address: the page draws one, and the save form must keep that one.
        var (_, shown) = await HtmlPage.GetAsync(ann, "/build?minutes=20&level=beginner&equipment=mat");
        var shownSlugs = shown.QuerySelectorAll(".session-timeline a[href^='exercises/']").Select(a => a.GetAttribute("href")).ToList();
        var saved = await HtmlForm.SubmitAsync(ann, "/build?minutes=20&level=beginner&equipment=mat", shown, "form.save-session", Set(("Save.Name", "Short evening")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = saved.Headers.Location!.OriginalString.Split('/').Last();

        var (response, page) = await HtmlPage.GetAsync(ann, $"/library/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Short evening", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(shownSlugs, page.QuerySelectorAll(".session-timeline a[href^='exercises/']").Select(a => a.GetAttribute("href")));
        Assert.Contains(id, (await HtmlPage.GetAsync(ann, "/library")).Document.QuerySelector(".saved-sessions")!.InnerHtml);

        var (play, player) = await HtmlPage.GetAsync(ann, $"/play?session={id}");
        Assert.Equal(HttpStatusCode.OK, play.StatusCode);
        Assert.Contains("Short evening", player.QuerySelector("title")!.TextContent);

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/library/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/play?session={id}")).StatusCode);
        Assert.DoesNotContain(id, await bob.GetStringAsync("/library"));
        var anonymous = app.CreatePlainClient();
        var signIn = await anonymous.GetAsync($"/play?session={id}");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("Account/Login", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ARoutineIsSavedUnderItsNameAndAnAnonymousVisitorIsAskedToSignIn()
    {
        var ann = await People.SignedInAsync(app);
        var (_, page) = await HtmlPage.GetAsync(ann, "/routines/twelve-back-stretches");
        Assert.NotEmpty(page.QuerySelector("form.save-session input[name='Save.Name']")!.GetAttribute("value")!);

        var saved = await HtmlForm.SubmitAsync(ann, "/routines/twelve-back-stretches", page, "form.save-session");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, anonymousPage) = await HtmlPage.GetAsync(app.CreatePlainClient(), "/routines/twelve-back-stretches");
        Assert.Null(anonymousPage.QuerySelector("form.save-session"));
        Assert.NotNull(anonymousPage.QuerySelector(".save-session a[href^='Account/Login']"));
    }

    [Fact]
    public async Task AnEmptyNameIsAFormErrorAndNothingIsSaved()
    {
        var ann = await People.SignedInAsync(app);
        var (_, page) = await HtmlPage.GetAsync(ann, "/routines/twelve-back-stretches");

        var response = await HtmlForm.SubmitAsync(ann, "/routines/twelve-back-stretches", page, "form.save-session", Set(("Save.Name", "  ")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await HtmlPage.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("Give the session a name", error.QuerySelector(".save-session .invalid-feedback")!.TextContent);
        Assert.Empty((await ann.GetFromJsonAsync<JsonElement[]>("/api/me/sessions"))!);
    }

    [Fact]
    public async Task EditingASavedSessionKeepsDosesInRangeRefusesStaleFormsAndIgnoresAnotherPersonsPosts()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);
        var id = await SaveFromBuildAsync(ann, "/build?minutes=30&level=beginner&equipment=mat&seed=7", "Thirty");
        var url = $"/library/{id}";
        var (_, page) = await HtmlPage.GetAsync(ann, url);
        var firstEntry = page.QuerySelectorAll("form.session-entry-form").First(f => f.QuerySelector("input[name='Change.Hold']") is not null);
        var formSelector = $"form#{firstEntry.Id}";

        var tooLong = await HtmlForm.SubmitAsync(ann, url, page, formSelector, Set(("Change.Hold", "600")), button: "button[value=dose]");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("is held", await tooLong.Content.ReadAsStringAsync());

        var changed = await HtmlForm.SubmitAsync(ann, url, page, formSelector, Set(("Change.Hold", "20")), button: "button[value=dose]");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // The page was loaded before that change: its revision is stale now.
        var stale = await HtmlForm.SubmitAsync(ann, url, page, formSelector, button: "button[value=remove]");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // Bob replays Ann's forms with an antiforgery token of his own, guessing nothing but her session's id.
        // The page does not exist for him, so neither do its forms: Blazor refuses the post before any handler runs.
        var before = await ann.GetStringAsync($"/api/me/sessions/{id}");
        var bobsToken = ("__RequestVerificationToken", (await HtmlPage.GetAsync(bob, "/profile")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        var bobs = await HtmlForm.SubmitAsync(bob, url, page, formSelector, Set(bobsToken), button: "button[value=remove]");
        Assert.Contains(bobs.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest });
        var rename = await HtmlForm.SubmitAsync(bob, url, page, "form.rename-session", Set(bobsToken, ("Rename.Name", "Bob's")));
        Assert.Contains(rename.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest });
        Assert.Equal(before, await ann.GetStringAsync($"/api/me/sessions/{id}"));
    }

    [Fact]
    public async Task RemovingAnExerciseReplacesTheRestsAndAddingOneItsOwnerCannotDoIsRefusedWithTheReason()
    {
        var ann = await People.SignedInAsync(app);
        var id = await SaveFromBuildAsync(ann, "/build?minutes=30&level=beginner&equipment=mat&seed=7", "Thirty");
        var url = $"/library/{id}";

        var profile = await ann.PutAsJsonAsync("/api/me/profile", new { level = "beginner", equipment = new[] { "mat" }, conditions = new[] { "hernia" }, healthConsent = true });
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        var (_, page) = await HtmlPage.GetAsync(ann, url);
        var added = await HtmlForm.SubmitAsync(ann, url, page, "form.add-exercise", Set(("Addition.Slug", "jefferson-curl")));
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());

        var (_, after) = await HtmlPage.GetAsync(ann, url);
        var status = after.QuerySelector("[role=status], .alert")!.TextContent;
        Assert.Contains("was taken out", status);
        var session = await ann.GetFromJsonAsync<JsonElement>($"/api/me/sessions/{id}");
        var slugs = session.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("slug").GetString()).ToList();
        Assert.DoesNotContain("jefferson-curl", slugs);
    }

    [Fact]
    public async Task TheProfileNeedsConsentForHealthDataFillsTheBuilderAndCanForgetIt()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);
        var (_, page) = await HtmlPage.GetAsync(ann, "/profile");

        var noConsent = await HtmlForm.SubmitAsync(ann, "/profile", page, "form.profile-form",
            Set(("level", "intermediate"), ("equipment", "mat"), ("equipment", "chair"), ("conditions", "scoliosis")));
        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        var refused = await HtmlPage.ParseAsync(await noConsent.Content.ReadAsStringAsync());
        Assert.Contains("consent", refused.QuerySelector("#healthConsent-error")!.TextContent);
        Assert.NotNull(refused.QuerySelector("input#conditions-scoliosis[checked]"));
        Assert.Equal("beginner", (await ann.GetFromJsonAsync<JsonElement>("/api/me/profile")).GetProperty("level").GetString());

        var saved = await HtmlForm.SubmitAsync(ann, "/profile", page, "form.profile-form",
            Set(("level", "intermediate"), ("equipment", "mat"), ("equipment", "chair"), ("conditions", "scoliosis"), ("healthConsent", "true"), ("timeZone", "Europe/Berlin")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, build) = await HtmlPage.GetAsync(ann, "/build");
        Assert.NotNull(build.QuerySelector("input#level-intermediate[checked]"));
        Assert.NotNull(build.QuerySelector("input#equipment-chair[checked]"));
        Assert.NotNull(build.QuerySelector("input#conditions-scoliosis[checked]"));
        var (_, bobsBuild) = await HtmlPage.GetAsync(bob, "/build");
        Assert.NotNull(bobsBuild.QuerySelector("input#level-beginner[checked]"));
        Assert.Empty(bobsBuild.QuerySelectorAll("input[name=conditions][checked]"));

        var (_, withHealth) = await HtmlPage.GetAsync(ann, "/profile");
        Assert.Equal("Europe/Berlin", withHealth.QuerySelector("#timeZone option[selected]")!.GetAttribute("value"));
        var forgotten = await HtmlForm.SubmitAsync(ann, "/profile", withHealth, "form.forget-health");
        Assert.Equal(HttpStatusCode.Redirect, forgotten.StatusCode);
        var profile = await ann.GetFromJsonAsync<JsonElement>("/api/me/profile");
        Assert.Empty(profile.GetProperty("conditions").EnumerateArray());
        Assert.False(profile.GetProperty("healthConsent").GetBoolean());
        Assert.Equal("intermediate", profile.GetProperty("level").GetString());
    }

    [Fact]
    public async Task AFavouriteIsMarkedOnItsPageOfferedToTheBuilderAndAddedToASession()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);
        var id = await SaveFromBuildAsync(ann, "/build?minutes=20&level=beginner&equipment=mat&seed=3", "Mine");
        var (_, exercise) = await HtmlPage.GetAsync(ann, "/exercises/cobra");

        var marked = await HtmlForm.SubmitAsync(ann, "/exercises/cobra", exercise, "form.favourite-form");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var (_, again) = await HtmlPage.GetAsync(ann, "/exercises/cobra");
        Assert.Equal("true", again.QuerySelector(".exercise-library-actions button[aria-pressed]")!.GetAttribute("aria-pressed"));
        Assert.Equal("false", (await HtmlPage.GetAsync(bob, "/exercises/cobra")).Document.QuerySelector(".exercise-library-actions button[aria-pressed]")!.GetAttribute("aria-pressed"));

        var (_, build) = await HtmlPage.GetAsync(ann, "/build");
        Assert.NotNull(build.QuerySelector("input[name=prefer][value='cobra']"));
        Assert.Null((await HtmlPage.GetAsync(bob, "/build")).Document.QuerySelector("input[name=prefer]"));

        var added = await HtmlForm.SubmitAsync(ann, "/exercises/cobra", again, "form.add-to-session", Set(("Addition.Id", id)));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.EndsWith($"/library/{id}", added.Headers.Location!.OriginalString);
        var main = (await ann.GetFromJsonAsync<JsonElement>($"/api/me/sessions/{id}")).GetProperty("blocks").EnumerateArray()
            .Single(b => b.GetProperty("kind").GetString() == "main").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("cobra", main.Last(i => i.GetProperty("role").GetString() == "exercise").GetProperty("slug").GetString());

        // Bob names Ann's session in his own form: it is not his, so nothing changes.
        var (_, bobsPage) = await HtmlPage.GetAsync(bob, "/exercises/cobra");
        Assert.Null(bobsPage.QuerySelector("form.add-to-session"));
        await SaveFromBuildAsync(bob, "/build?minutes=20&level=beginner&equipment=mat&seed=3", "Bob's own");
        (_, bobsPage) = await HtmlPage.GetAsync(bob, "/exercises/cobra");
        Assert.DoesNotContain(id, bobsPage.QuerySelector("form.add-to-session")!.InnerHtml);
        var before = await ann.GetStringAsync($"/api/me/sessions/{id}");
        var bobsToken = bobsPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await HtmlForm.SubmitAsync(bob, "/exercises/cobra", again, "form.add-to-session", Set(("Addition.Id", id), ("__RequestVerificationToken", bobsToken)));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(before, await ann.GetStringAsync($"/api/me/sessions/{id}"));
    }

    [Fact]
    public async Task ThePersonalDataDownloadHoldsEverythingAndDeletingTheAccountRemovesIt()
    {
        var annsEmail = $"ann-{Guid.NewGuid():N}@example.test";
        var ann = await People.SignedInAsync(app, annsEmail);
        var bob = await People.SignedInAsync(app);
        var id = await SaveFromBuildAsync(ann, "/build?minutes=20&level=beginner&equipment=mat&seed=3", "To go");
        await ann.PutAsJsonAsync("/api/me/profile", new { level = "advanced", equipment = new[] { "mat" }, conditions = new[] { "scoliosis" }, healthConsent = true });
        await ann.PutAsync("/api/me/favourites/cat-cow", null);
        Assert.Equal(HttpStatusCode.OK, (await ann.PutAsJsonAsync("/api/me/plan", new
        {
            timeZone = "UTC", slots = new[] { new { day = "monday", time = "19:30", play = new { preset = new { minutes = 30, level = "beginner", conditions = new[] { "scoliosis" } } } } },
        })).StatusCode);
        var bobsId = await SaveFromBuildAsync(bob, "/build?minutes=20&level=beginner&equipment=mat&seed=3", "Bob's");

        var (_, data) = await HtmlPage.GetAsync(ann, "/Account/Manage/PersonalData");
        var download = await HtmlForm.SubmitAsync(ann, "/Account/Manage/PersonalData", data, "form[action$='DownloadPersonalData']");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var export = await download.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["scoliosis"], export.GetProperty("profile").GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("cat-cow", export.GetProperty("favourites")[0].GetProperty("slug").GetString());
        Assert.Equal(id, Assert.Single(export.GetProperty("savedSessions").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Array, export.GetProperty("plan").GetProperty("slots").ValueKind);
        Assert.Equal(JsonValueKind.Array, export.GetProperty("history").GetProperty("records").ValueKind);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StretchingDbContext>();
        var annsId = (await db.Users.SingleAsync(u => u.Email == annsEmail)).Id;
        var (_, delete) = await HtmlPage.GetAsync(ann, "/Account/Manage/DeletePersonalData");
        var deleted = await HtmlForm.SubmitNamedAsync(ann, "/Account/Manage/DeletePersonalData", delete, "delete-user", Set(("Input.Password", People.Password)));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        Assert.False(await db.Users.AnyAsync(u => u.Id == annsId));
        Assert.False(await db.SavedSessions.AnyAsync(s => s.UserId == annsId));
        Assert.False(await db.Profiles.AnyAsync(p => p.UserId == annsId));
        Assert.False(await db.Favourites.AnyAsync(f => f.UserId == annsId));
        Assert.False(await db.Plans.AnyAsync(p => p.UserId == annsId));
        Assert.False(await db.PlanSlots.AnyAsync(p => p.UserId == annsId));
        Assert.True(await db.SavedSessions.AnyAsync(s => s.Id == bobsId));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ann.GetAsync("/api/me/profile")).StatusCode);
    }
}
