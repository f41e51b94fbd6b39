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
}
