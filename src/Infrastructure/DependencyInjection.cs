using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Email;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Jobs;
using CaseManager.Application.Reviews;
using CaseManager.Application.Users;
using CaseManager.Infrastructure.Email;
using CaseManager.Infrastructure.Health;
using CaseManager.Infrastructure.Identity;
using CaseManager.Infrastructure.Jobs;
using CaseManager.Infrastructure.Persistence;
using CaseManager.Infrastructure.Persistence.Sharing;
using CaseManager.Infrastructure.Seeding;
using Hangfire;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseManager.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.Configure<JobOptions>(configuration.GetSection(JobOptions.Section));
        services.PostConfigure<EmailOptions>(o => o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, environment.ContentRootPath));

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(configuration, database.Provider, environment);
        AddDatabase(services, database, connectionString);

        services.AddScoped<CurrentUserContext>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUserContext>());
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<INotificationStore, NotificationStore>();
        services.AddScoped<IReviewStore, ReviewStore>();
        services.AddScoped<Application.Claims.IClaimStore, ClaimStore>();
        services.AddScoped<IDerivedAccessRows, DerivedAccessRows>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<FirstAdministrator>();

        services.AddIdentityCore<ApplicationUser>(options => ApplyIdentityDefaults(options, configuration))
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<CaseDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<CaseManagerClaimsPrincipalFactory>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));

        // Keys live in the database so that cookies and bearer tokens survive restarts and work on every node.
        services.AddDataProtection().SetApplicationName("CaseManager").PersistKeysToDbContext<CaseDbContext>();

        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        if (string.IsNullOrWhiteSpace(email.SmtpHost))
        {
            services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        services.AddSingleton<IServiceLinks, ServiceLinks>();

        AddJobs(services, configuration, database.Provider, connectionString, environment);

        services.AddHealthChecks()
            .AddCheck<MigrationsAppliedHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    private static void ApplyIdentityDefaults(IdentityOptions options, IConfiguration configuration)
    {
        // NCSC guidance: length over composition rules.
        options.Password.RequiredLength = configuration.GetValue("Security:PasswordMinimumLength", 12);
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:LockoutAttempts", 5);
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }

    private static string ResolveConnectionString(IConfiguration configuration, DatabaseProvider provider, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("CaseManager");
        if (provider == DatabaseProvider.PostgreSql)
        {
            return configured ?? throw new InvalidOperationException(
                "Database:Provider is PostgreSql but ConnectionStrings:CaseManager is not set.");
        }

        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/casemanager.db");
        builder.DataSource = Path.GetFullPath(builder.DataSource, environment.ContentRootPath);
        builder.ForeignKeys = true;
        return builder.ToString();
    }

    private static void AddDatabase(IServiceCollection services, DatabaseOptions database, string connectionString)
    {
        // Single queries, chosen: the aggregates we load with several collections are small, and one statement
        // reads them consistently without a transaction.
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<CaseDbContext, PostgresCaseDbContext>(o => o
                .UseNpgsql(connectionString, n => n.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
        }
        else
        {
            var pragmas = new SqlitePragmas(Math.Max(0, database.SqliteMemoryMapMegabytes) * 1024L * 1024L);
            // One gate per database of this process: writers queue for it instead of sleeping on SQLite's BUSY.
            var writers = new SqliteWriterGate(TimeSpan.FromSeconds(30));
            services.AddDbContext<CaseDbContext, SqliteCaseDbContext>(o => o
                .UseSqlite(connectionString, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .AddInterceptors(pragmas, writers.Transactions, writers.Connections)
                // A SQLite table rebuild turns foreign keys off around its transaction; the pragma is connection
                // state, not stored, so a migration killed there leaves nothing half done (the rebuild itself is
                // transactional). The warning is not something an operator can act on.
                .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, Microsoft.Extensions.Logging.LogLevel.Debug))));
        }

        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<CaseDbContext>());
        if (database.AuditGroupCommit)
        {
            // One per database of this process: reads' audit entries queue for one shared commit (ADR 0027).
            services.AddSingleton(new AuditGroupCommit());
        }
    }

    /// <summary>
    /// The SQLite job store: <c>ConnectionStrings:Hangfire</c> when set (relative to the content root), otherwise
    /// <c>&lt;case database name&gt;.hangfire.db</c> beside the case database. The job store belongs to its case
    /// database: two instances with separate case databases started from one install folder must never share one.
    /// </summary>
    public static string HangfireSqlitePath(string? configured, string caseConnectionString, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        var caseDatabase = Path.GetFullPath(new SqliteConnectionStringBuilder(caseConnectionString).DataSource, contentRoot);
        return Path.Combine(Path.GetDirectoryName(caseDatabase)!, Path.GetFileNameWithoutExtension(caseDatabase) + ".hangfire.db");
    }

    private static void AddJobs(IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString, IHostEnvironment environment)
    {
        var jobs = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();

        // The storage is this host's own singleton, not Hangfire's process-wide JobStorage.Current, so that two
        // hosts in one process (as in the tests) never share or swap their queues. Registered before AddHangfire,
        // whose own registration only fills the gap.
        services.AddSingleton<JobStorage>(_ =>
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                return new PostgreSqlStorage(
                    new NpgsqlConnectionFactory(configuration.GetConnectionString("Hangfire") ?? connectionString, new PostgreSqlStorageOptions()),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", QueuePollInterval = jobs.QueuePollingInterval, PrepareSchemaIfNecessary = true });
            }

            var path = HangfireSqlitePath(configuration.GetConnectionString("Hangfire"), connectionString, environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = jobs.QueuePollingInterval });
        });
        // Hangfire's log provider is process-wide: never one host's ILoggerFactory (HangfireLogProvider). Set here for
        // hosts that never resolve Hangfire's configuration, and again in it, after Hangfire put the host's own there.
        LogProvider.SetCurrentLogProvider(HangfireLogProvider.Instance);
        services.AddHostedService<HangfireLoggingService>();
        services.AddHangfire(config => config
            .UseLogProvider(HangfireLogProvider.Instance)
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (jobs.RunServer)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = jobs.WorkerCount;
                o.SchedulePollingInterval = jobs.PollInterval;
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        services.AddSingleton<CommandJob>();
        services.AddSingleton<ReviewRemindersJob>();
        services.AddSingleton<ClaimPreparationJob>();
        services.AddSingleton<ClaimPreparationSweepJob>();
        services.AddSingleton<Application.Claims.IClaimPreparations, HangfireClaimPreparations>();
        services.AddSingleton<Application.Common.Access.ISharingRightDerivations, HangfireSharingRightDerivations>();
        services.AddSingleton<RecurringJobs>();
        services.AddSingleton<IRecurringJobs>(sp => sp.GetRequiredService<RecurringJobs>());
    }
}
