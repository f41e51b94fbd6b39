using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Files attached to resources: checked by their bytes and name, stored outside the web root, always downloaded.</summary>
public sealed class ResourceAttachmentTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task APdf_IsAttached_ListedForReaders_AndDownloadedAsAnAttachmentWithItsRealType()
    {
        var slug = await ResourceAsync("Workshop sign-off sheet");
        using var admin = factory.CreateClientAs("files-admin", Roles.AcrAdmin);
        using var anonymous = factory.CreateNonRedirectingClient();

        using var uploaded = await UploadAsync(admin, slug, "sign-off sheet.pdf", Pdf, "application/octet-stream");
        var page = await anonymous.GetDocumentAsync($"/resources/{slug}");
        var href = page.QuerySelector("#resource-files a")!.GetAttribute("href")!;
        using var download = await anonymous.GetAsync(href);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("sign-off sheet.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        // Removed: no longer listed or served, and its stored file is gone.
        var stored = await factory.WithDbAsync(db => db.ResourceAttachments.Where(a => a.Resource!.Slug == slug).Select(a => a.StoredName).SingleAsync());
        var path = Path.Combine(Path.GetTempPath(), "rigdirectory-test-files", stored);
        var existed = File.Exists(path);
        await admin.SubmitFormAsync($"/admin/resources/{slug}", "#attachments form", new Dictionary<string, string>()).AcceptedAsync();
        using var gone = await anonymous.GetAsync(href);

        Assert.True(existed);
        Assert.False(File.Exists(path));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("slides.pdf", "exe", "not what its name says")]
    [InlineData("notes.docx", "zip", "not what its name says")]
    [InlineData("../../etc/guide.pdf", "pdf", "without folders")]
    [InlineData("C:\\Users\\me\\guide.pdf", "pdf", "without folders")]
    [InlineData("script.js", "pdf", "Attach a PDF")]
    [InlineData("report\u202Efdp.png", "png", "invisible characters")]
    [InlineData("photo\u200B.png", "png", "invisible characters")]
    public async Task AnUpload_ThatIsARenamedProgram_ANonOfficeZip_APathAnotherTypeOrABidiDisguisedName_IsRefusedAndNothingStored(string name, string content, string why)
    {
        var slug = await ResourceAsync($"Refusals {Guid.NewGuid():N}");
        using var admin = factory.CreateClientAs("files-admin", Roles.AcrAdmin);
        var bytes = content switch
        {
            "exe" => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00],
            "zip" => Zip("xl/workbook.xml"),
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00],
            _ => Pdf,
        };

        using var response = await UploadAsync(admin, slug, name, bytes, "application/pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(why, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ResourceAttachments.AnyAsync(a => a.Resource!.Slug == slug)));
    }

    [Fact]
    public async Task AnOversizedFile_IsRefused_AndARealDocx_IsAccepted()
    {
        var slug = await ResourceAsync("Sizes and kinds");
        using var admin = factory.CreateClientAs("files-admin", Roles.AcrAdmin);
        var big = new byte[(8 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);

        using var oversized = await UploadAsync(admin, slug, "big.pdf", big, "application/pdf");
        using var docx = await UploadAsync(admin, slug, "agenda.docx", Zip("word/document.xml"), "application/octet-stream");

        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Contains("up to 8 MB", await oversized.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, docx.StatusCode);
        Assert.Equal(["agenda.docx"], await factory.WithDbAsync(db => db.ResourceAttachments.Where(a => a.Resource!.Slug == slug).Select(a => a.FileName).ToListAsync()));
    }

    [Fact]
    public async Task AFileOfALeadersOnlyResource_IsNotServedToAStudent()
    {
        var slug = await ResourceAsync("Leaders' budget sheet", audience: "2");
        using var admin = factory.CreateClientAs("files-admin", Roles.AcrAdmin);
        await UploadAsync(admin, slug, "budget.pdf", Pdf, "application/pdf");
        var id = await factory.WithDbAsync(db => db.ResourceAttachments.Where(a => a.Resource!.Slug == slug).Select(a => a.Id).SingleAsync());
        var (student, _) = await TestHosts.StudentAsync(factory, "curious.student");
        using var anonymous = factory.CreateNonRedirectingClient();

        using var asStudent = await student.GetAsync($"/resources/{slug}/files/{id}");
        using var asVisitor = await anonymous.GetAsync($"/resources/{slug}/files/{id}");

        Assert.Equal(HttpStatusCode.NotFound, asStudent.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, asVisitor.StatusCode);
    }

    private async Task<string> ResourceAsync(string title, string audience = "0")
    {
        using var admin = factory.CreateClientAs("files-admin", Roles.AcrAdmin);
        await admin.SubmitFormAsync("/admin/resources/new", "#resource-form", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Summary"] = "A resource with files attached.",
            ["Input.Body"] = "See the files below.",
            ["Input.Audience"] = audience,
            ["submit"] = "save",
        }).AcceptedAsync();
        return await factory.WithDbAsync(db => db.Resources.Where(r => r.Title == title).Select(r => r.Slug).SingleAsync());
    }

    /// <summary>Posts the edit page's upload form as a browser would: multipart, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, string slug, string fileName, byte[] bytes, string claimedType)
    {
        var page = await admin.GetDocumentAsync($"/admin/resources/{slug}");
        var form = page.QuerySelector("#attach-form")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{fileName.Replace("\\", "\\\\", StringComparison.Ordinal)}\"" };
        content.Add(file);
        return await admin.PostAsync(form.GetAttribute("action"), content);
    }

    private static byte[] Zip(string part)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry(part).Open());
            entry.Write("<xml/>");
        }

        return stream.ToArray();
    }
}
