using System.Globalization;
using System.Net;

namespace RigDirectory.FunctionalTests.Infrastructure;

/// <summary>Registration drafts started as a leader starts them: through the wizard's start form.</summary>
public static class Drafts
{
    /// <summary>Starts a registration at the school and returns the new draft's id.</summary>
    public static async Task<int> StartDraftAsync(this HttpClient client, string schoolSlug)
    {
        using var response = await client.SubmitFormAsync($"/register?school={schoolSlug}", "form[action='/register'][method=post]", new Dictionary<string, string> { ["school"] = schoolSlug });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/register/\d+/sponsors$", location);
        return int.Parse(location.Split('/')[2], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Fills a started draft's steps (a sponsor, an officer, the details: <paramref name="details"/>, or a RIG named
    /// after the draft) so that it can be submitted from its review page.
    /// </summary>
    public static async Task CompleteDraftAsync(this HttpClient client, int id, IReadOnlyDictionary<string, string>? details = null)
    {
        await client.SubmitFormAsync($"/register/{id}/sponsors", "#sponsor-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Dr. Rita Ray",
            ["Input.Title"] = "Associate Professor of Radiology",
            ["Input.Email"] = $"sponsor.{id}@hospital.example",
        }).AcceptedAsync();
        await client.SubmitFormExpectingRedirectAsync($"/register/{id}/sponsors", $"form[action='/register/{id}/sponsors/next']", new Dictionary<string, string>());
        await client.SubmitFormExpectingRedirectAsync($"/register/{id}/officers", "#officer-form", new Dictionary<string, string> { ["Input.Position"] = "President", ["Input.GraduationYear"] = "2028" });
        await client.SubmitFormExpectingRedirectAsync($"/register/{id}/details", "#details-form", details ?? Details($"Radiology Interest Group {id}"));
    }

    /// <summary>A complete details step of the wizard (a monthly RIG with a welcome lunch planned).</summary>
    public static Dictionary<string, string> Details(string name = "Tufts Radiology Interest Group", string description = "Monthly talks with radiologists and ultrasound workshops for all years.") => new()
    {
        ["Input.Name"] = name,
        ["Input.Description"] = description,
        ["Input.ContactEmail"] = "tufts.rig@example.org",
        ["Input.ContactVisibility"] = "Public",
        ["Input.MeetingCadence"] = "Monthly",
        ["Input.EventTitle"] = "Welcome lunch with the residents",
        ["Input.EventDate"] = "2027-01-20",
        ["Input.EventFormat"] = "InPerson",
    };
}
