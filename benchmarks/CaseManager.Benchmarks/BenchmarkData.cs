using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CaseManager.Benchmarks;

/// <summary>
/// Where the generated database lives, and what is known about it. The file is made once and reused: generating
/// it takes a minute or two, a benchmark run starts one process per benchmark and each opens it.
/// </summary>
public static class BenchmarkData
{
    /// <summary>Bump when the generator changes what it writes, so that an old cached file is not reused.</summary>
    public const int GeneratorVersion = 3;

    /// <summary>A file older than this is made again: consents and agreements are dated relative to the day it was made.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    /// <summary>Overrides the folder of the generated files (default: benchmarks/.data in the repository).</summary>
    public const string FolderVariable = "CASEMANAGER_BENCH_DATA";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string Folder =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder
            ? folder
            : Path.Combine(RepositoryRoot(), "benchmarks", ".data");

    public static string DatabasePath => Path.Combine(Folder, $"access-v{GeneratorVersion}.db");

    public static string ManifestPath => Path.Combine(Folder, $"access-v{GeneratorVersion}.json");

    public static DataManifest? ReadManifest()
    {
        if (!File.Exists(ManifestPath) || !File.Exists(DatabasePath))
        {
            return null;
        }

        var manifest = JsonSerializer.Deserialize<DataManifest>(File.ReadAllText(ManifestPath));
        return manifest is not null && DateTimeOffset.UtcNow - manifest.GeneratedAt < MaxAge ? manifest : null;
    }

    public static void WriteManifest(DataManifest manifest) =>
        File.WriteAllText(ManifestPath, JsonSerializer.Serialize(manifest, Json));

    /// <summary>The whole numbers given after <paramref name="option"/> on the command line (<c>--claims 2000 5000</c>), in order.</summary>
    public static List<int> NumbersAfter(string[] args, string option) =>
        [.. args.SkipWhile(a => a != option).Skip(1)
            .Select(a => int.TryParse(a, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .TakeWhile(n => n is not null)
            .Select(n => n!.Value)];

    /// <summary>
    /// Refreshes SQLite's planner statistics after a run has made its data, as the app does at start-up and daily
    /// (<see cref="CaseManager.Infrastructure.Persistence.SqliteStatistics"/>). The migration at the start of a run
    /// analysed empty tables; with those statistics the planner cannot tell a person's few rows from a whole
    /// service's, and a run would time plans the app never uses (docs/performance.md, treatment report).
    /// </summary>
    public static async Task RefreshStatisticsAsync(BenchmarkHost host)
    {
        using var session = host.Open(CaseManager.Application.Common.Security.Actor.System);
        await CaseManager.Infrastructure.Persistence.SqliteStatistics.RefreshAsync(session.Db, CancellationToken.None);
    }

    /// <summary>
    /// A new, empty file for a timed run that makes its own data (<c>--reviews</c>, <c>--treatment</c>, <c>--claims</c>):
    /// <paramref name="name"/>'s folder under the data folder, emptied first so that no earlier run's rows are counted.
    /// </summary>
    public static string FreshFile(string name)
    {
        var folder = Path.Combine(Folder, name);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name}.db");
    }

    /// <summary>
    /// The repository root, found from the running assembly: BenchmarkDotNet runs each benchmark from a generated
    /// project deep under bin/, so the working directory says nothing.
    /// </summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CaseManager.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"CaseManager.sln not found above {AppContext.BaseDirectory}; set {FolderVariable}.");
    }
}

/// <summary>What the generator made, written beside the database so that the report can quote it.</summary>
public sealed record DataManifest(
    DateTimeOffset GeneratedAt,
    int GeneratorVersion,
    int Seed,
    int Agencies,
    int People,
    int Cases,
    int OpenCases,
    int Agreements,
    int Consents,
    int ConsentRecipients,
    int ConsentCategories,
    int BreakGlassGrants,
    int SharingRights,
    TimeSpan SharingRightsRebuildTime,
    TimeSpan GenerationTime);
