using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;

namespace RigDirectory.Web.Infrastructure.Holes;

/// <summary>A personal part of a shared page: which partial view shows it to a visitor, and with what.</summary>
/// <remarks>Registered under the name views give it in <c>&lt;hole name="…"&gt;</c> (<see cref="HoleRegistration.AddHole{THole}"/>).</remarks>
public interface IHole
{
    /// <summary>
    /// The partial and its model for <paramref name="viewer"/> (signed in or not) on the page of
    /// <paramref name="argument"/> (a slug or an id), or null to show the page's own default content.
    /// </summary>
    Task<HoleView?> ViewAsync(HttpContext context, ClaimsPrincipal viewer, string argument, CancellationToken cancellationToken);
}

/// <summary>
/// A hole's partial and its model. <see cref="TemplateKey"/>: the partial's output depends on nothing but this key
/// and the <see cref="Fills"/>, so it is rendered once per key (the model holding each fill's placeholder) and kept;
/// each request only puts its values in place of the placeholders.
/// </summary>
public sealed record HoleView(string Partial, object? Model)
{
    public string? TemplateKey { get; init; }

    /// <summary>Placeholder (letters and dashes, so HTML encoding leaves it as it is) and this request's value, already encoded.</summary>
    public IReadOnlyList<(string Placeholder, string Html)> Fills { get; init; } = [];

    public string Fill(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (var (placeholder, value) in Fills)
        {
            html = html.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return html;
    }
}

public static class HoleRegistration
{
    /// <summary>Registers <typeparamref name="THole"/> as the hole views name <paramref name="name"/>.</summary>
    public static IServiceCollection AddHole<THole>(this IServiceCollection services, string name)
        where THole : class, IHole => services.AddKeyedScoped<IHole, THole>(name);
}

/// <summary>
/// Fills holes: inline while a page renders for one visitor, or in a shared page's bytes for each signed-in request.
/// In the shared page a hole is kept as <c>&lt;!--hole:name:argument--&gt;default&lt;!--/hole--&gt;</c>; nothing a
/// person writes can forge one, as everything they write is HTML-encoded.
/// </summary>
public sealed class HoleRenderer(IRazorViewEngine views, ITempDataDictionaryFactory tempData, IModelMetadataProvider metadata) : IDisposable
{
    /// <summary>Rendered templates kept at once (<see cref="HoleView.TemplateKey"/>); a handful per hole in practice.</summary>
    private const int Templates = 1_000;

    private readonly MemoryCache _templates = new(new MemoryCacheOptions { SizeLimit = Templates });

    private static readonly byte[] Open = "<!--hole:"u8.ToArray();
    private static readonly byte[] Close = "<!--/hole-->"u8.ToArray();

    public static string OpenMarker(string name, string argument) => $"<!--hole:{name}:{argument}-->";

    public const string CloseMarker = "<!--/hole-->";

    /// <summary>Names and arguments are kept to letters, digits and dashes, so a marker can neither break nor be broken.</summary>
    public static bool IsSafe(string value) => value.Length <= 200 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>What the hole shows the request's visitor, or null to keep the default.</summary>
    public static Task<HoleView?> ViewAsync(HttpContext context, string name, string argument)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hole = context.RequestServices.GetKeyedService<IHole>(name) ?? throw new InvalidOperationException($"No hole is named {name}.");
        return hole.ViewAsync(context, context.User, argument, context.RequestAborted);
    }

    /// <summary>
    /// Writes the shared page with each hole filled for the request's visitor: the holes are rendered first, then the
    /// page goes out in slices between them, with no copy of the page (a region's is 680 KB).
    /// </summary>
    public async Task SpliceAsync(HttpContext context, ReadOnlyMemory<byte> page, Stream output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var parts = new List<ReadOnlyMemory<byte>>();
        var rest = page;
        while (rest.Span.IndexOf(Open) is var open and >= 0)
        {
            parts.Add(rest[..open]);
            var header = rest[(open + Open.Length)..];
            var headerEnd = header.Span.IndexOf("-->"u8);
            var (name, argument) = Split(Encoding.ASCII.GetString(header.Span[..headerEnd]));
            var body = header[(headerEnd + 3)..];
            var close = body.Span.IndexOf(Close);
            parts.Add(await ViewAsync(context, name, argument) is { } view ? Encoding.UTF8.GetBytes(await RenderPartialAsync(context, view)) : body[..close]);
            rest = body[(close + Close.Length)..];
        }

        parts.Add(rest);
        context.Response.ContentLength = parts.Sum(p => (long)p.Length);
        foreach (var part in parts)
        {
            await output.WriteAsync(part, context.RequestAborted);
        }
    }

    private static (string Name, string Argument) Split(string header)
    {
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (header, "") : (header[..colon], header[(colon + 1)..]);
    }

    public void Dispose() => _templates.Dispose();

    private async Task<string> RenderPartialAsync(HttpContext context, HoleView hole)
    {
        if (hole.TemplateKey is null)
        {
            return hole.Fill(await RenderOnceAsync(context, hole));
        }

        var key = $"{hole.Partial}\n{hole.TemplateKey}";
        if (!_templates.TryGetValue(key, out string? template))
        {
            template = await RenderOnceAsync(context, hole);
            _templates.Set(key, template, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return hole.Fill(template!);
    }

    private async Task<string> RenderOnceAsync(HttpContext context, HoleView hole)
    {
        var found = views.GetView(executingFilePath: null, viewPath: hole.Partial, isMainPage: false);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The hole's partial {hole.Partial} was not found.");
        }

        await using var writer = new StringWriter();
        var actionContext = new ActionContext(context, context.GetRouteData(), new ActionDescriptor());
        var viewData = new ViewDataDictionary(metadata, new ModelStateDictionary()) { Model = hole.Model };
        var viewContext = new ViewContext(actionContext, found.View, viewData, tempData.GetTempData(context), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(viewContext);
        return writer.ToString();
    }
}
