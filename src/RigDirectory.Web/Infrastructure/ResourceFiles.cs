using System.IO.Compression;
using Microsoft.Extensions.Options;

namespace RigDirectory.Web.Infrastructure;

/// <summary>Where resource attachments live and how big they may be: <c>Resources:*</c> in configuration.</summary>
public sealed class ResourceFileOptions
{
    public const string Section = "Resources";

    /// <summary>A folder outside the web root (relative to the app's content root unless absolute).</summary>
    public string FilesPath { get; set; } = "App_Data/resource-files";

    /// <summary>Below <see cref="MalformedRequests.MaxBodyBytes"/>, which refuses any larger request (with a 413) before it is read.</summary>
    public long MaxFileBytes { get; set; } = 8 * 1024 * 1024;

    public string MaxFileText => $"{MaxFileBytes / (1024 * 1024)} MB";
}

/// <summary>
/// What an upload really is, read from its first bytes (and, for Office files, the parts inside the zip), never from
/// its name or the type the browser sent: a renamed program is refused whatever it is called.
/// </summary>
public static class FileSignatures
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public static IReadOnlyCollection<string> Extensions => Types.Keys;

    /// <summary>Why <paramref name="fileName"/> cannot be used as a download name, or null.</summary>
    public static string? NameRefusal(string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) || fileName.Length > 200 ? "Give the file a name of up to 200 characters."
        : fileName.IndexOfAny(['/', '\\', ':']) >= 0 || fileName.Contains("..", StringComparison.Ordinal) || fileName.Any(char.IsControl) || Path.GetFileName(fileName) != fileName
            ? "The file name must be a name only, without folders."
        : HasInvisibleCharacters(fileName) ? "The file name has invisible characters (such as a right-to-left mark) that could disguise its type: rename it and attach it again."
        : Types.ContainsKey(Path.GetExtension(fileName)) ? null
        : "Attach a PDF, PowerPoint (.pptx), Word (.docx), PNG or JPG file.";

    /// <summary>
    /// Format characters (right-to-left overrides, zero-width joiners) pass <see cref="char.IsControl"/> but make
    /// "report\u202Efdp.png" read as a PDF: a download name has none.
    /// </summary>
    private static bool HasInvisibleCharacters(string fileName) =>
        fileName.Any(c => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator);

    /// <summary>The content type <paramref name="content"/> really has if it matches <paramref name="fileName"/>'s extension; null otherwise.</summary>
    public static string? Detect(string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.Read(head);
        content.Position = 0;
        var start = head[..read];
        var matches = extension switch
        {
            ".pdf" => start.StartsWith("%PDF-"u8),
            ".png" => start.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
            ".jpg" or ".jpeg" => start.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
            ".pptx" => start.StartsWith("PK\x03\x04"u8) && HasPart(content, "ppt/presentation.xml"),
            ".docx" => start.StartsWith("PK\x03\x04"u8) && HasPart(content, "word/document.xml"),
            _ => false,
        };
        return matches ? Types[extension] : null;
    }

    private static bool HasPart(Stream content, string part)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry(part) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }
}

/// <summary>Stores attachments under random names in <see cref="ResourceFileOptions.FilesPath"/>.</summary>
public sealed class ResourceFileStore(IOptions<ResourceFileOptions> options, IHostEnvironment environment)
{
    private string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.FilesPath));

    /// <summary>
    /// An upload read into memory once its name has no path, its size is within the limit (never reading past it) and
    /// its first bytes show it is what its name says; otherwise why not. <paramref name="imagesOnly"/>: PNG or JPG only.
    /// </summary>
    public async Task<(CheckedUpload? Upload, string? Refusal)> CheckAsync(string? fileName, Stream content, bool imagesOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (FileSignatures.NameRefusal(fileName) is { } badName)
        {
            return (null, badName);
        }

        var max = options.Value.MaxFileBytes;
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= max && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max + 1 - buffer.Length)), cancellationToken)) > 0)
        {
            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        if (buffer.Length == 0 || buffer.Length > max)
        {
            var empty = buffer.Length == 0;
            await buffer.DisposeAsync();
            return (null, empty ? $"{fileName} is empty." : $"{fileName} is too big: attach files of up to {options.Value.MaxFileText}.");
        }

        var contentType = FileSignatures.Detect(fileName!, buffer);
        if (contentType is null || (imagesOnly && !contentType.StartsWith("image/", StringComparison.Ordinal)))
        {
            await buffer.DisposeAsync();
            return (null, imagesOnly ? $"{fileName} is not a real PNG or JPG photo." : $"{fileName} is not what its name says: attach a real PDF, PowerPoint, Word, PNG or JPG file.");
        }

        return (new CheckedUpload(fileName!, contentType, buffer), null);
    }

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N");
        content.Position = 0;
        await using var file = new FileStream(PathOf(name), FileMode.CreateNew, FileAccess.Write);
        await content.CopyToAsync(file, cancellationToken);
        return name;
    }

    /// <summary>The stored file's full path; the name is the app's own (32 hex digits), never a user's.</summary>
    public string PathOf(string storedName)
    {
        if (storedName.Length != 32 || !storedName.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("Not a stored file's name.", nameof(storedName));
        }

        return Path.Combine(Folder, storedName);
    }

    public void Delete(string storedName) => File.Delete(PathOf(storedName));
}

/// <summary>An upload whose name, size and bytes were checked: ready to store.</summary>
public sealed record CheckedUpload(string FileName, string ContentType, MemoryStream Content) : IAsyncDisposable
{
    public long Size => Content.Length;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
