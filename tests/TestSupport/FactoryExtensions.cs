using System.Net.Http.Headers;
using System.Net.Http.Json;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Users;
using CaseManager.Infrastructure.Identity;
using CaseManager.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.TestSupport;

public static class FactoryExtensions
{
    /// <summary>An HTTP client carrying a bearer token for the given demo user.</summary>
    public static async Task<HttpClient> ApiClientForAsync(this CaseManagerFactory factory, string email, string? password = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = password ?? factory.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>The actor a signed-in user would be, read from the identity store.</summary>
    public static async Task<Actor> ActorForAsync(this CaseManagerFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        var roles = (await users.GetRolesAsync(user)).Select(Enum.Parse<Role>);
        return Actor.ForUser(user.Id, user.Email!, user.DisplayName, AgencyCode.Parse(user.AgencyCode), roles);
    }

    /// <summary>Sends a message through the real mediator pipeline as the given actor, in a scope of its own.</summary>
    public static async Task<TResponse> SendAsAsync<TResponse>(this CaseManagerFactory factory, Actor actor, IMessage message)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().RunAs(actor);
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(message);
        return (TResponse)result!;
    }

    /// <summary>
    /// Sends a message as the given actor and reads its answer before the scope ends: for answers that stream rows
    /// from the request's database context (an export's <c>IAsyncEnumerable</c>).
    /// </summary>
    public static async Task<TResult> SendAsAsync<TResponse, TResult>(this CaseManagerFactory factory, Actor actor, IMessage message, Func<TResponse, Task<TResult>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().RunAs(actor);
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(message);
        return await read((TResponse)result!);
    }

    public static async Task<TResponse> SendAsAsync<TResponse>(this CaseManagerFactory factory, string email, IMessage message) =>
        await factory.SendAsAsync<TResponse>(await factory.ActorForAsync(email), message);

    /// <summary>Reads the database directly, outside the pipeline, to check what was stored.</summary>
    public static async Task<T> QueryDbAsync<T>(this CaseManagerFactory factory, Func<CaseDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDbContext>();
        return await query(db);
    }

    /// <summary>
    /// SQLite's plan (<c>EXPLAIN QUERY PLAN</c>, one line a step) for a query EF would send (<c>ToQueryString()</c>);
    /// its parameters are left unbound, which planning does not need.
    /// </summary>
    public static Task<List<string>> QueryPlanAsync(this CaseManagerFactory factory, string sql)
    {
        var statement = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        return factory.QueryDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + statement;
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            return lines;
        });
    }

    public static Task<int> AuditCountAsync(this CaseManagerFactory factory, string action) =>
        factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action));

    private sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn);
}

/// <summary>The demo partnership's users (API.md).</summary>
public static class DemoUsers
{
    public const string PoliceCaseworker = "iom.officer@police.demo";
    public const string PoliceManager = "iom.manager@police.demo";
    public const string ProbationCaseworker = "offender.manager@probation.demo";
    public const string ProbationManager = "senior@probation.demo";
    public const string FitKeyworker = "keyworker@fit.demo";
    public const string DaatWorker = "recovery.worker@daat.demo";
    public const string DaatManager = "manager@daat.demo";
    public const string SwitchWorker = "youth.worker@switch.demo";
    public const string SwitchManager = "manager@switch.demo";
    public const string FitManager = "manager@fit.demo";
    public const string ClaimsOfficer = "claims@council.demo";
    public const string ClaimsAuditor = "claims.audit@council.demo";
    public const string InformationGovernance = "ig.lead@council.demo";
    public const string Administrator = "admin@council.demo";
}
