using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RigDirectory.Web.Data;

public static class DatabaseProviders
{
    public const string Sqlite = nameof(Sqlite);
    public const string SqlServer = nameof(SqlServer);
}

/// <summary><c>Database:Provider</c>: Sqlite (the embedded default) or SqlServer; each reads its <c>ConnectionStrings</c> entry.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public string Provider { get; set; } = DatabaseProviders.Sqlite;
}

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the provider named by <c>Database:Provider</c>: SQLite (the
    /// default, a file under the content root) or SQL Server.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProviders.Sqlite;
        if (provider.Equals(DatabaseProviders.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString(DatabaseProviders.SqlServer)
                ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set.");
            services.AddDbContext<AppDbContext, SqlServerAppDbContext>(options => options.UseAppSqlServer(connectionString));
        }
        else if (provider.Equals(DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = SqliteConnectionString(configuration, environment);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(options => options.UseAppSqlite(connectionString));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or SqlServer.");
        }
        return services;
    }

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    public static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString(DatabaseProviders.Sqlite) ?? "Data Source=App_Data/rigdirectory.db");
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    public static DbContextOptionsBuilder UseAppSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
            .AddInterceptors(SqliteBusyTimeoutInterceptor.Instance);

    public static DbContextOptionsBuilder UseAppSqlite(this DbContextOptionsBuilder options, DbConnection connection) =>
        options.UseSqlite(connection).AddInterceptors(SqliteBusyTimeoutInterceptor.Instance);

    public static DbContextOptionsBuilder UseAppSqlServer(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());
}

/// <summary>Waits for a lock instead of failing at once when another connection is writing.</summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeoutInterceptor Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SetBusyTimeout(connection);
        return Task.CompletedTask;
    }

    private static void SetBusyTimeout(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000;";
        command.ExecuteNonQuery();
    }
}

/// <summary>Lets <c>dotnet ef</c> build each context without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        options.UseAppSqlite("Data Source=design-time.db");
        return new SqliteAppDbContext(options.Options);
    }
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args)
    {
        // No server is contacted: the design-time tools only need the provider to build the model and scripts.
        var options = new DbContextOptionsBuilder<SqlServerAppDbContext>();
        options.UseAppSqlServer("Server=localhost;Database=RigDirectory;Trusted_Connection=True;TrustServerCertificate=True");
        return new SqlServerAppDbContext(options.Options);
    }
}
