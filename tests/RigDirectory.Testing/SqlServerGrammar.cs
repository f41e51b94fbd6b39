using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace RigDirectory.Testing;

/// <summary>
/// SQL Server 2022's own grammar (ScriptDom's TSql160 parser), for SQL this machine cannot send to a server: the
/// migration scripts and every query EF Core generates for the SQL Server provider.
/// </summary>
public static class SqlServerGrammar
{
    /// <summary>Parses <paramref name="sql"/> (batches separated by GO) and returns each error with its line.</summary>
    public static IReadOnlyList<string> Errors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return [.. errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")];
    }
}
