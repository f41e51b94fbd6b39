using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace RigDirectory.Web.Infrastructure;

public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// The address people reach the directory at (e.g. <c>https://rigs.acr.org/</c>). Every absolute link the app
    /// writes (emails, feeds, exports) starts with it, never with the request's Host header, which a client chooses.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}

/// <summary>Absolute links for emails and exports, built from <see cref="AppOptions.PublicBaseUrl"/> only.</summary>
public sealed class PublicUrls(LinkGenerator links, IOptions<AppOptions> options)
{
    private Uri BaseUrl => options.Value.PublicBaseUrl ?? throw new InvalidOperationException($"{AppOptions.Section}:{nameof(AppOptions.PublicBaseUrl)} is not set.");

    public string Action(string action, string controller, object? values = null) =>
        Absolute(links.GetPathByAction(action, controller, values) ?? throw new InvalidOperationException($"No route to {controller}.{action}."));

    /// <summary>A page of the Identity area (account confirmation, password reset, email change).</summary>
    public string IdentityPage(string page, object? values = null)
    {
        var routeValues = new RouteValueDictionary(values) { ["area"] = "Identity" };
        return Absolute(links.GetPathByPage(page, handler: null, routeValues) ?? throw new InvalidOperationException($"No route to {page}."));
    }

    /// <summary>A path of the app (with its query) made absolute under the public base URL, keeping any base path.</summary>
    public string Absolute(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var root = BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
        return new Uri(root, pathAndQuery.TrimStart('/')).AbsoluteUri;
    }
}

public static class PublicUrlServiceCollectionExtensions
{
    public static IServiceCollection AddAppPublicUrls(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<AppOptions>()
            .Bind(configuration.GetSection(AppOptions.Section))
            .Validate(
                options => options.PublicBaseUrl is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(url.Query),
                $"Set {AppOptions.Section}:{nameof(AppOptions.PublicBaseUrl)} (environment variable App__PublicBaseUrl) to the address people reach the " +
                "directory at, e.g. https://rigs.example.org/. Emailed links (account confirmation, password reset, invitations) are built from it.")
            .ValidateOnStart();
        services.AddSingleton<PublicUrls>();

        // Outside Development an unrestricted AllowedHosts ("*") becomes the public host (and localhost, for the
        // container's own health probe), so requests naming any other host are refused with 400.
        if (!environment.IsDevelopment())
        {
            services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<AppOptions>>((filtering, app) =>
            {
                if (filtering.AllowedHosts.Count == 0 || filtering.AllowedHosts.Contains("*"))
                {
                    filtering.AllowedHosts = app.Value.PublicBaseUrl is { } url ? [url.Host, "localhost"] : ["localhost"];
                }
            });
        }

        return services;
    }
}
