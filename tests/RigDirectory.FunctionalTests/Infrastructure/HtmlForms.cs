using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace RigDirectory.FunctionalTests.Infrastructure;

/// <summary>Reads pages as a browser would and posts their forms with every field, the antiforgery token included.</summary>
public static class HtmlForms
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!).Header("Content-Type", "text/html"));
    }

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>Opens <paramref name="url"/>, fills the form matched by <paramref name="formSelector"/> and submits it.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, string formSelector, IReadOnlyDictionary<string, string> values)
    {
        var document = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(document, formSelector, values);
    }

    /// <summary>
    /// Submits a form a step of the test relies on: it must be accepted (a redirect onwards), or the test fails with
    /// what the page said instead.
    /// </summary>
    public static async Task SubmitFormExpectingRedirectAsync(this HttpClient client, string url, string formSelector, IReadOnlyDictionary<string, string> values)
    {
        using var response = await client.SubmitFormAsync(url, formSelector, values);
        await ExpectRedirectAsync(response, url);
    }

    /// <summary>A faculty sponsor confirms from the emailed link: the page thanks them.</summary>
    public static async Task ConfirmAsSponsorAsync(this HttpClient anonymous, string link)
    {
        using var response = await anonymous.SubmitFormAsync(link, "main form[method=post]", new Dictionary<string, string>());
        var page = await ParseAsync(response);
        Assert.Contains("You are confirmed as a faculty sponsor", page.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Posts a form a step of the test relies on; it must be accepted (a redirect onwards).</summary>
    public static async Task PostExpectingRedirectAsync(this HttpClient client, string url, HttpContent form)
    {
        using var response = await client.PostAsync(url, form);
        await ExpectRedirectAsync(response, url);
    }

    /// <summary>Awaits a post a step of the test relies on: it must be accepted (a redirect onwards).</summary>
    public static async Task AcceptedAsync(this Task<HttpResponseMessage> posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        using var response = await posting;
        await ExpectRedirectAsync(response, response.RequestMessage?.RequestUri?.PathAndQuery ?? "the form");
    }

    private static async Task ExpectRedirectAsync(HttpResponseMessage response, string url)
    {
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            var page = await ParseAsync(response);
            var errors = page.QuerySelector("[role=alert], .validation-summary-errors, .text-danger:not(:empty)")?.TextContent.Trim();
            Assert.Fail($"Posting {url} returned {(int)response.StatusCode}, not a redirect: {errors}");
        }
    }

    public static Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IDocument document, string formSelector, IReadOnlyDictionary<string, string> values)
    {
        var form = document.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form matches '{formSelector}'.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked && !string.IsNullOrEmpty(box.Name):
                    fields.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }

        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        // To the client's own server, whichever one served the page: with several instances, as behind a balancer.
        // (On Linux a bare "/path" parses as an absolute file: URI, so only http(s) addresses count as absolute.)
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? document.Url : form.Action;
        var target = Uri.TryCreate(action, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.PathAndQuery : action;
        return client.PostAsync(new Uri(client.BaseAddress!, target), new FormUrlEncodedContent(fields));
    }
}
