using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Seed;

public sealed record RegionRow(
    string Slug,
    string Name,
    Country Country,
    int SortOrder,
    string Description);

public sealed record JurisdictionRow(
    string Code,
    string PostalCode,
    string Name,
    Country Country,
    string RegionSlug,
    string TimeZone);

public sealed record SchoolRow(
    string Slug,
    string Name,
    string Campus,
    string City,
    string StateProvince,
    Country Country,
    DegreeType Degree,
    double Latitude,
    double Longitude,
    string Website);

public sealed record SchoolSynonymsRow(string Slug, string Synonyms);

public sealed record SubspecialtyRow(string Slug, string Name);

/// <summary>Reads the reference data shipped with the app (copied from the project's shared seed material).</summary>
public static class SeedFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "Seed");

    public static IReadOnlyList<RegionRow> ReadRegions(string? folder = null) =>
        Read<RegionRow>(Path.Combine(folder ?? Folder, "regions.csv"));

    public static IReadOnlyList<JurisdictionRow> ReadJurisdictions(string? folder = null) =>
        Read<JurisdictionRow>(Path.Combine(folder ?? Folder, "jurisdictions.csv"));

    public static IReadOnlyList<SchoolRow> ReadSchools(string? folder = null) =>
        ReadSchools(File.OpenText(Path.Combine(folder ?? Folder, "schools.csv")));

    /// <summary>Parses and checks school rows; a bad row fails loudly with its line rather than seeding half a file.</summary>
    public static IReadOnlyList<SchoolRow> ReadSchools(TextReader reader)
    {
        var rows = Read<SchoolRow>(reader);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var line = i + 2;
            if (!SlugRules.IsValid(row.Slug))
            {
                throw new InvalidDataException($"schools.csv line {line}: slug '{row.Slug}' is not lowercase-hyphen.");
            }

            if (!slugs.Add(row.Slug))
            {
                throw new InvalidDataException($"schools.csv line {line}: slug '{row.Slug}' appears twice.");
            }

            if (string.IsNullOrWhiteSpace(row.Name) || string.IsNullOrWhiteSpace(row.City))
            {
                throw new InvalidDataException($"schools.csv line {line}: name and city are required.");
            }

            if (row.Latitude is < 17 or > 70 || row.Longitude is < -170 or > -52)
            {
                throw new InvalidDataException($"schools.csv line {line}: coordinates {row.Latitude}, {row.Longitude} are outside the US and Canada.");
            }
        }

        return rows;
    }

    /// <summary>
    /// The well-known abbreviations of schools ("UCSF", "U of T"), by slug, as one "; "-separated text each. Every slug
    /// must name a school of the schools file.
    /// </summary>
    /// <summary>The subspecialties mentors start from; admins edit the list afterwards.</summary>
    public static IReadOnlyList<SubspecialtyRow> ReadSubspecialties(string? folder = null) =>
        Read<SubspecialtyRow>(Path.Combine(folder ?? Folder, "subspecialties.csv"));

    public static IReadOnlyDictionary<string, string> ReadSchoolSynonyms(string? folder = null)
    {
        var slugs = ReadSchools(folder).Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        var synonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = Read<SchoolSynonymsRow>(Path.Combine(folder ?? Folder, "school-synonyms.csv"));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var joined = School.JoinSynonyms(row.Synonyms.Split(';'));
            if (!slugs.Contains(row.Slug) || joined is null || joined.Length > School.SynonymsLength || !synonyms.TryAdd(row.Slug, joined))
            {
                throw new InvalidDataException($"school-synonyms.csv line {i + 2}: '{row.Slug}' must be a school of schools.csv, once, with 1 to {School.SynonymsLength} characters of names.");
            }
        }

        return synonyms;
    }

    private static List<T> Read<T>(string path)
    {
        using var reader = File.OpenText(path);
        return Read<T>(reader);
    }

    private static List<T> Read<T>(TextReader reader)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            // Files use snake_case headers ("state_province"), records PascalCase members (StateProvince).
            PrepareHeaderForMatch = args => args.Header.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant(),
        };
        using var csv = new CsvReader(reader, configuration);
        return csv.GetRecords<T>().ToList();
    }
}
