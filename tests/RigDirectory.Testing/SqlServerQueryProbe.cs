using System.Collections;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using RigDirectory.Web.Data;

// The query compiler is EF Core's internal service; the probe is test code, pinned to the version it builds with.
#pragma warning disable EF1001

namespace RigDirectory.Testing;

/// <summary>
/// Proves that every query the app sends would run on SQL Server too, with no server here: each LINQ query the tests
/// make the app run on SQLite is also compiled by the SQL Server provider (a translation error or client evaluation
/// throws, failing the request) and executed against a connection that never opens, so the T-SQL it would send is
/// captured and parsed with SQL Server 2022's grammar. Installed in every functional test host by
/// <see cref="RigDirectoryFactory"/>; <see cref="Checked"/> lists what it saw.
/// </summary>
public sealed class SqlServerQueryProbe
{
    public static SqlServerQueryProbe Shared { get; } = new();

    private static readonly MethodInfo ExecuteMethod = typeof(IQueryCompiler).GetMethod(nameof(IQueryCompiler.Execute))!;
    private static readonly MethodInfo CompileMethod = typeof(IQueryCompiler).GetMethod(nameof(IQueryCompiler.CreateCompiledQuery))!;

    [ThreadStatic]
    private static List<string>? _commands;

    private readonly DbContextOptions<SqlServerAppDbContext> _options;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _parsed = new(StringComparer.Ordinal);

    private SqlServerQueryProbe()
    {
        var options = new DbContextOptionsBuilder<SqlServerAppDbContext>();
        // The app's own SQL Server configuration, on a server that is never contacted.
        options.UseAppSqlServer("Server=sql-server-probe.invalid;Database=RigDirectory;TrustServerCertificate=True")
            .AddInterceptors(new OfflineConnection(), new CapturedCommands());
        _options = options.Options;
    }

    /// <summary>Makes a context built with <paramref name="options"/> check every query it runs on SQL Server too.</summary>
    public static DbContextOptionsBuilder Install(DbContextOptionsBuilder options) =>
        options.ReplaceService<IQueryCompiler, ProbingQueryCompiler>();

    /// <summary>Every distinct T-SQL statement the probe has generated and parsed so far.</summary>
    public IReadOnlyCollection<string> Checked => [.. _parsed.Keys];

    /// <summary>Runs <paramref name="query"/>, written against another context of the app, on SQL Server.</summary>
    public void Check(Expression query, Type resultType) => Run(query, SynchronousResult(resultType), compileOnly: false);

    /// <summary>Compiles a query made with <c>EF.CompileAsyncQuery</c> (its parameters are the lambda's) on SQL Server.</summary>
    public void CheckCompiled(Expression query, Type resultType) => Run(query, SynchronousResult(resultType), compileOnly: true);

    private void Run(Expression query, Type resultType, bool compileOnly)
    {
        using var db = new SqlServerAppDbContext(_options);
        var rewritten = new OntoModel(db.Model).Visit(query);
        var compiler = db.GetService<IQueryCompiler>();
        var commands = _commands = [];
        try
        {
            if (compileOnly)
            {
                CompileMethod.MakeGenericMethod(resultType).Invoke(compiler, [rewritten]);
                return;
            }

            var result = ExecuteMethod.MakeGenericMethod(resultType).Invoke(compiler, [rewritten]);
            if (result is IEnumerable rows and not string)
            {
                foreach (var _ in rows)
                {
                }
            }
        }
        catch (Exception exception) when (commands.Count == 0)
        {
            // Nothing was sent: the provider refused the query itself.
            var reason = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            throw new InvalidOperationException($"SQL Server cannot run this query: {reason.Message}{Environment.NewLine}{query}", reason);
        }
        catch (Exception)
        {
            // Sent, then answered with an empty result that has no columns: reading it back fails, which is not the
            // query's fault.
        }
        finally
        {
            _commands = null;
        }

        foreach (var sql in commands)
        {
            var errors = _parsed.GetOrAdd(sql, SqlServerGrammar.Errors);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"SQL Server would refuse this SQL ({string.Join("; ", errors)}):{Environment.NewLine}{sql}");
            }
        }
    }

    /// <summary>The result of the same query run synchronously: a task's value, or a sequence for an async one.</summary>
    private static Type SynchronousResult(Type resultType)
    {
        if (resultType.IsGenericType && resultType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return resultType.GetGenericArguments()[0];
        }

        if (resultType.IsGenericType && resultType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
        {
            return typeof(IEnumerable<>).MakeGenericType(resultType.GetGenericArguments()[0]);
        }

        return resultType;
    }

    /// <summary>
    /// Moves a query onto the SQL Server model: its roots, and the queries it builds from captured variables (a
    /// DbSet of the other context, <c>db.Rigs.LedBy(userId)</c>), which EF Core would otherwise evaluate into the
    /// other context's roots.
    /// </summary>
    private sealed class OntoModel(IModel model) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node)
        {
            if (node is not null && typeof(IQueryable).IsAssignableFrom(node.Type) && node is not EntityQueryRootExpression && FreeOf.Parameters(node)
                && Expression.Lambda<Func<object?>>(Expression.Convert(node, typeof(object))).Compile(preferInterpretation: true)() is IQueryable { Provider: IAsyncQueryProvider } captured
                && captured.Expression != node)
            {
                return Visit(captured.Expression);
            }

            return base.Visit(node);
        }

        protected override Expression VisitExtension(Expression node) => node is EntityQueryRootExpression root
            ? new EntityQueryRootExpression(model.FindEntityType(root.EntityType.Name)
                ?? throw new InvalidOperationException($"The SQL Server model has no entity type {root.EntityType.Name}."))
            : base.VisitExtension(node);
    }

    /// <summary>Whether an expression can be evaluated on its own: no parameter from outside it, no query root.</summary>
    private sealed class FreeOf : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _bound = [];
        private bool _open;

        public static bool Parameters(Expression node)
        {
            var visitor = new FreeOf();
            visitor.Visit(node);
            return !visitor._open;
        }

        public override Expression? Visit(Expression? node) => _open ? node : base.Visit(node);

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _bound.UnionWith(node.Parameters);
            Visit(node.Body);
            return node;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _open |= !_bound.Contains(node);
            return node;
        }

        protected override Expression VisitExtension(Expression node)
        {
            _open = true;
            return node;
        }
    }

    /// <summary>Never opens the connection: nothing leaves the process.</summary>
    private sealed class OfflineConnection : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }

    /// <summary>Keeps each command's text and answers it with no rows.</summary>
    private sealed class CapturedCommands : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            _commands?.Add(command.CommandText);
            return InterceptionResult<DbDataReader>.SuppressWithResult(new DataTable().CreateDataReader());
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            _commands?.Add(command.CommandText);
            return InterceptionResult<object>.SuppressWithResult(DBNull.Value);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            _commands?.Add(command.CommandText);
            return InterceptionResult<int>.SuppressWithResult(0);
        }
    }
}

/// <summary>The SQLite context's query compiler, with every query also checked by <see cref="SqlServerQueryProbe"/>.</summary>
public sealed class ProbingQueryCompiler(
    IQueryContextFactory queryContextFactory,
    ICompiledQueryCache compiledQueryCache,
    ICompiledQueryCacheKeyGenerator compiledQueryCacheKeyGenerator,
    IDatabase database,
    IDiagnosticsLogger<DbLoggerCategory.Query> logger,
    ICurrentDbContext currentContext,
    IEvaluatableExpressionFilter evaluatableExpressionFilter,
    IModel model)
    : QueryCompiler(queryContextFactory, compiledQueryCache, compiledQueryCacheKeyGenerator, database, logger, currentContext, evaluatableExpressionFilter, model)
{
    public override TResult Execute<TResult>(Expression query)
    {
        SqlServerQueryProbe.Shared.Check(query, typeof(TResult));
        return base.Execute<TResult>(query);
    }

    public override TResult ExecuteAsync<TResult>(Expression query, CancellationToken cancellationToken = default)
    {
        SqlServerQueryProbe.Shared.Check(query, typeof(TResult));
        return base.ExecuteAsync<TResult>(query, cancellationToken);
    }

    public override Func<QueryContext, TResult> CreateCompiledAsyncQuery<TResult>(Expression query)
    {
        SqlServerQueryProbe.Shared.CheckCompiled(query, typeof(TResult));
        return base.CreateCompiledAsyncQuery<TResult>(query);
    }
}
