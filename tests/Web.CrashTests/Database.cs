using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace CaseManager.Web.CrashTests;

/// <summary>Reads the instance's database file directly, read-only and unpooled, as an operator would.</summary>
public static class Database
{
    /// <summary>The count, or null when the database or table is not there yet or is busy.</summary>
    public static long? Scalar(this AppInstance instance, string sql)
    {
        if (!File.Exists(instance.DatabasePath))
        {
            return null;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={instance.DatabasePath};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs the query as fast as it can, each time on a new read-only connection, until it returns more than zero,
    /// the time is up or the process exits or is listening; true when it did.
    /// </summary>
    public static async Task<bool> WatchAsync(this AppInstance instance, string sql, AppProcess app, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && !app.HasExited && !app.IsListening)
        {
            if (instance.Scalar(sql) > 0)
            {
                return true;
            }

            await Task.Yield();
        }

        return false;
    }

    public static long Count(this AppInstance instance, string table) =>
        instance.Scalar($"SELECT COUNT(*) FROM \"{table}\"") ?? throw new InvalidOperationException($"Could not read {table}.");

    public static IReadOnlyList<string> Strings(this AppInstance instance, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={instance.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Polls until the condition holds; false when it did not within the time.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan within, int everyMilliseconds = 100)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(everyMilliseconds);
        }

        return condition();
    }
}

/// <summary>Signs in as a demo user over the API and triggers jobs as an administrator would.</summary>
public static partial class Api
{
    public static async Task SignInAsync(this AppProcess app, string email = "admin@council.demo")
    {
        var password = DemoPassword().Match(app.Output) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The demo password is not in the output:\n" + app.Output);
        using var response = await app.Http.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        app.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public static async Task TriggerAsync(this AppProcess app, string jobId)
    {
        using var response = await app.Http.PostAsync(new Uri($"/api/v1/admin/jobs/{jobId}/trigger", UriKind.Relative), null);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("with the password '([^']+)'")]
    private static partial Regex DemoPassword();
}
