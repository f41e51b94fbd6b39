using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Infrastructure.Holes;

/// <summary>
/// Signed-in visitors of a <see cref="SharedForSignedInAttribute"/> page get the page every signed-in visitor
/// shares, from the output cache (rendered once, as <see cref="SharedRender.Audience"/>, with its holes marked;
/// evicted by the same tags as the anonymous page), with their own navigation, interest and links filled in: a
/// signed-in hit costs a cookie check and a splice, not a render. Compressed after the splice, like any page.
/// </summary>
public sealed class SignedInPages(RequestDelegate next, HoleRenderer holes)
{
    /// <summary>Longer addresses are rendered whole rather than fill the cache.</summary>
    private const int LongestShared = 1024;

    public static bool Applies(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsGet(context.Request.Method) || context.User.Identity?.IsAuthenticated != true
            || context.GetEndpoint()?.Metadata.GetMetadata<SharedForSignedInAttribute>() is not { } shared
            || context.Request.Path.Value?.Length + context.Request.QueryString.Value?.Length > LongestShared)
        {
            return false;
        }

        // A status message waits in TempData: this page shows it to this visitor only.
        var tempData = context.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!;
        return !context.Request.Cookies.ContainsKey(tempData) && !context.User.HoldsAnyOf(shared.ExceptRoles);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var viewer = context.User;
        var body = context.Response.Body;
        var encodings = context.Request.Headers.AcceptEncoding;
        var varyBy = context.GetEndpoint()?.Metadata.GetMetadata<SharedForSignedInAttribute>()?.VaryBy;
        var vary = varyBy is null ? "" : await ((ISharedVary)context.RequestServices.GetRequiredService(varyBy)).ForAsync(context, viewer);
        await using var page = new PooledPage();
        context.Features.Set(new SharedRender(viewer, vary));
        context.User = SharedRender.Audience;
        // Kept and spliced uncompressed; compressed once filled.
        context.Request.Headers.AcceptEncoding = default;
        context.Response.Body = page;
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set<SharedRender>(null);
            context.User = viewer;
            context.Request.Headers.AcceptEncoding = encodings;
            context.Response.Body = body;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK && context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
        {
            await holes.SpliceAsync(context, page.Written, body);
            return;
        }

        context.Response.ContentLength = page.Length;
        await body.WriteAsync(page.Written, context.RequestAborted);
    }
}

/// <summary>
/// The shared page as it comes from the cache or the render, in a buffer from a pool of its own: pages reach a
/// megabyte (the home page's map), past what the shared pool keeps, and a fresh buffer each request (a growing
/// MemoryStream) filled the large-object heap, 800 MB of RSS under signed-in load.
/// </summary>
internal sealed class PooledPage : Stream
{
    private static readonly System.Buffers.ArrayPool<byte> Pool = System.Buffers.ArrayPool<byte>.Create(maxArrayLength: 8 * 1024 * 1024, maxArraysPerBucket: 8);

    private byte[] _buffer = Pool.Rent(64 * 1024);
    private int _length;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_length + buffer.Length > _buffer.Length)
        {
            var larger = Pool.Rent(Math.Max(_buffer.Length * 2, _length + buffer.Length));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            Pool.Return(_buffer);
            _buffer = larger;
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            Pool.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Lets the output cache keep and serve a page rendered for every signed-in visitor (the default policy keeps only
/// anonymous pages), varied by audience so the anonymous and the signed-in page of one address are two entries.
/// </summary>
public sealed class SharedRenderPolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shared = SharedRender.Of(context.HttpContext);
        if (shared is not null)
        {
            context.AllowCacheLookup = true;
            context.AllowCacheStorage = true;
        }

        context.CacheVaryByRules.VaryByValues["audience"] = shared is null ? "anyone" : shared.Vary.Length == 0 ? "signed-in" : "signed-in:" + shared.Vary;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>The default policy refuses again once the page is rendered; kept if nothing else would stop it.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        if (SharedRender.IsActive(context.HttpContext) && response.StatusCode == StatusCodes.Status200OK && response.Headers.SetCookie.Count == 0)
        {
            context.AllowCacheStorage = true;
        }

        return ValueTask.CompletedTask;
    }
}

public static class SignedInPagesExtensions
{
    public static IServiceCollection AddSignedInPages(this IServiceCollection services) =>
        services.AddSingleton<HoleRenderer>().AddHole<AccountMenuHole>(AccountMenuHole.Name);

    /// <summary>Between authorization and the output cache; with its own compression of the filled page.</summary>
    public static IApplicationBuilder UseSignedInPages(this IApplicationBuilder app) =>
        app.UseWhen(SignedInPages.Applies, branch => branch.UseResponseCompression().UseMiddleware<SignedInPages>());
}
