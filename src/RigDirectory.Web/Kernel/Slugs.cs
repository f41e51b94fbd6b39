using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Kernel;

/// <summary>Slugs for new records: the stem, else the stem with the first free number ("school-rig-2").</summary>
public static class Slugs
{
    /// <summary>Call inside the write transaction that adds the record, so two adds at once cannot pick the same slug.</summary>
    public static async Task<string> UniqueAsync(IQueryable<string> slugs, string stem, CancellationToken cancellationToken)
    {
        stem = stem.Length > SlugRules.MaxLength - 6 ? stem[..(SlugRules.MaxLength - 6)].TrimEnd('-') : stem;
        var taken = await slugs.Where(s => s == stem || s.StartsWith(stem + "-")).ToListAsync(cancellationToken);
        if (!taken.Contains(stem))
        {
            return stem;
        }

        for (var i = 2; ; i++)
        {
            var candidate = $"{stem}-{i.ToString(CultureInfo.InvariantCulture)}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
