using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

public sealed class AdminApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task CreateAgency_ByAdministrator_Returns201AndListsIt()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var response = await admin.PostAsJsonAsync("/api/v1/admin/agencies", new { code = "mind", name = "Mind (charity)", schemes = new[] { "AdultTreatment", "fit" } });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var agency = await response.Content.ReadFromJsonAsync<JsonElement>();
        agency.GetProperty("code").GetString().Should().Be("MIND");
        agency.GetProperty("schemes").EnumerateArray().Select(s => s.GetString()).Should().BeEquivalentTo("AdultTreatment", "Fit");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/agencies");
        list.EnumerateArray().Select(a => a.GetProperty("code").GetString()).Should().Contain("MIND");
    }

    [Fact]
    public async Task CreateAgency_WithTakenCode_Returns409WithCode()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var response = await admin.PostAsJsonAsync("/api/v1/admin/agencies", new { code = "POLICE", name = "Another police", schemes = Array.Empty<string>() });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("agency.code-taken");
    }

    [Fact]
    public async Task CreateAgency_WithUnknownScheme_Returns400()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var response = await admin.PostAsJsonAsync("/api/v1/admin/agencies", new { code = "NEWCO", name = "New", schemes = new[] { "Astrology" } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CreateAgency_WithBadCode_Returns400WithFieldError()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var response = await admin.PostAsJsonAsync("/api/v1/admin/agencies", new { code = "1 bad code!", name = "", schemes = Array.Empty<string>() });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("code", out _).Should().BeTrue();
        errors.TryGetProperty("name", out _).Should().BeTrue();
    }

    [Fact]
    public async Task AdminRoutes_ForCaseworker_Return403()
    {
        var caseworker = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var agencies = await caseworker.PostAsJsonAsync("/api/v1/admin/agencies", new { code = "SNEAKY", name = "Sneaky", schemes = Array.Empty<string>() });
        var users = await caseworker.GetAsync("/api/v1/admin/users");

        agencies.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        users.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateUser_WithInitialPassword_CanSignInWithThatAgencyAndRoles()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            email = "new.worker@housing.demo",
            displayName = "New Worker",
            agencyCode = "HOUSING",
            roles = new[] { "Caseworker", "manager" },
            initialPassword = "a long enough password",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var client = await factory.ApiClientForAsync("new.worker@housing.demo", "a long enough password");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("agency").GetProperty("code").GetString().Should().Be("HOUSING");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().BeEquivalentTo("Caseworker", "Manager");
    }

    [Fact]
    public async Task CreateUser_WithoutPassword_EmailsASetPasswordLink()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            email = "invited@csc.demo",
            displayName = "Invited Person",
            agencyCode = "CSC",
            roles = new[] { "Caseworker" },
        });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var mail = Directory.GetFiles(factory.MailFolder, "*.eml").Select(File.ReadAllText).Single(m => m.Contains("invited@csc.demo", StringComparison.Ordinal));
        mail.Should().Contain("/account/set-password?userId=");
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234!")]
    [InlineData("QWERTYUIOP123")]
    [InlineData("iloveyou2026")]
    [InlineData("passwordpassword")]
    public async Task CreateUser_WithCommonPassword_Returns400SayingWhy(string password)
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var email = $"common{Guid.NewGuid():N}@police.demo";

        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, displayName = "Common", agencyCode = "POLICE", roles = new[] { "Caseworker" }, initialPassword = password });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("initialPassword")[0].GetString().Should().Contain("too common");
        (await factory.QueryDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).Should().BeFalse();
    }

    [Theory]
    [InlineData("CaseManager-Demo-2026")]
    [InlineData("a long enough password")]
    [InlineData("marmalade tractor violin")]
    public async Task CreateUser_WithUncommonPassword_IsCreated(string password)
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var email = $"uncommon{Guid.NewGuid():N}@police.demo";

        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, displayName = "Uncommon", agencyCode = "POLICE", roles = new[] { "Caseworker" }, initialPassword = password });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateUser_WithTakenEmail_Returns409AndWeakPassword_Returns400()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var taken = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = DemoUsers.PoliceCaseworker, displayName = "Dup", agencyCode = "POLICE", roles = new[] { "Caseworker" }, initialPassword = "a long enough password" });
        var weak = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = "weak@police.demo", displayName = "Weak", agencyCode = "POLICE", roles = new[] { "Caseworker" }, initialPassword = "short" });

        taken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var takenProblem = await taken.Content.ReadFromJsonAsync<JsonElement>();
        takenProblem.GetProperty("code").GetString().Should().Be("user.email-taken");
        takenProblem.GetProperty("detail").GetString().Should().Be("There is already an account with this email address.", "a taken email is said once, in plain words");
        weak.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("initialPassword", out _).Should().BeTrue();
        (await factory.QueryDbAsync(db => db.Users.AnyAsync(u => u.Email == "weak@police.demo"))).Should().BeFalse();
    }

    [Fact]
    public async Task CreateUser_InUnknownAgencyOrWithoutRoles_Returns400()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var unknownAgency = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = "x@nowhere.demo", displayName = "X", agencyCode = "NOWHERE", roles = new[] { "Caseworker" }, initialPassword = "a long enough password" });
        var noRoles = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = "y@police.demo", displayName = "Y", agencyCode = "POLICE", roles = Array.Empty<string>() });

        unknownAgency.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknownAgency.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("agencyCode", out _).Should().BeTrue();
        noRoles.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DisableUser_StopsTheirExistingTokenAndSignIn()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = "leaver@police.demo", displayName = "Leaver", agencyCode = "POLICE", roles = new[] { "Caseworker" }, initialPassword = "a long enough password" });
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var leaver = await factory.ApiClientForAsync("leaver@police.demo", "a long enough password");

        var disable = await admin.PostAsync($"/api/v1/admin/users/{userId}/disable", null);

        disable.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await leaver.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var signIn = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "leaver@police.demo", password = "a long enough password" });
        signIn.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var again = await admin.PostAsync($"/api/v1/admin/users/{userId}/disable", null);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task DisableUser_Unknown_Returns404()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var response = await admin.PostAsync($"/api/v1/admin/users/{Guid.NewGuid()}/disable", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListUsers_FiltersByAgency()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?agencyCode=FIT");

        page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("agencyCode").GetString()).Should().OnlyContain(code => code == "FIT")
            .And.HaveCountGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Jobs_ListHousekeepingAndTriggerIt()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var jobs = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs");
        var trigger = await admin.PostAsync("/api/v1/admin/jobs/housekeeping/trigger", null);
        var unknown = await admin.PostAsync("/api/v1/admin/jobs/no-such-job/trigger", null);

        jobs.EnumerateArray().Select(j => j.GetProperty("id").GetString()).Should().Contain("housekeeping");
        trigger.StatusCode.Should().Be(HttpStatusCode.Accepted, await trigger.Content.ReadAsStringAsync());
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChangeUser_MovesAgencyAndReplacesRoles_AndEndsTheirSessions()
    {
        const string password = "marmalade tractor violin";
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var email = $"mover{Guid.NewGuid():N}@police.demo";
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, displayName = "Morgan Mover", agencyCode = "POLICE", roles = new[] { "Caseworker" }, initialPassword = password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var before = await factory.ApiClientForAsync(email, password);
        (await before.GetAsync("/api/v1/cases?pageSize=1")).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}", new { agencyCode = "probation", roles = new[] { "Manager", "Caseworker" } });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var changed = await response.Content.ReadFromJsonAsync<JsonElement>();
        changed.GetProperty("agencyCode").GetString().Should().Be("PROBATION");
        changed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().BeEquivalentTo("Caseworker", "Manager");
        (await before.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the token was issued under the old agency and roles");
        var after = await factory.ApiClientForAsync(email, password);
        var me = await after.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("agency").GetProperty("code").GetString().Should().Be("PROBATION");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Contain("Manager");
        (await factory.AuditCountAsync("user.change")).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task ChangeUser_RefusesBadInputUnknownUsersDisabledAccountsAndAnAdministratorDemotingThemselves()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var caseworker = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var adminId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("id").GetGuid();
        var disabled = await (await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = $"gone{Guid.NewGuid():N}@police.demo", displayName = "Gone", agencyCode = "POLICE", roles = new[] { "Caseworker" }, initialPassword = "marmalade tractor violin" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await admin.PostAsync($"/api/v1/admin/users/{disabled.GetProperty("id").GetGuid()}/disable", null);

        var noRoles = await admin.PutAsJsonAsync($"/api/v1/admin/users/{adminId}", new { agencyCode = "COUNCIL", roles = Array.Empty<string>() });
        var unknownAgency = await admin.PutAsJsonAsync($"/api/v1/admin/users/{adminId}", new { agencyCode = "NOWHERE", roles = new[] { "Administrator" } });
        var unknownUser = await admin.PutAsJsonAsync($"/api/v1/admin/users/{Guid.NewGuid()}", new { agencyCode = "POLICE", roles = new[] { "Caseworker" } });
        var ofDisabled = await admin.PutAsJsonAsync($"/api/v1/admin/users/{disabled.GetProperty("id").GetGuid()}", new { agencyCode = "POLICE", roles = new[] { "Manager" } });
        var demoteSelf = await admin.PutAsJsonAsync($"/api/v1/admin/users/{adminId}", new { agencyCode = "COUNCIL", roles = new[] { "InformationGovernance" } });
        var byCaseworker = await caseworker.PutAsJsonAsync($"/api/v1/admin/users/{adminId}", new { agencyCode = "POLICE", roles = new[] { "Caseworker" } });

        noRoles.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noRoles.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("roles")[0].GetString().Should().Be("Select at least one role");
        unknownAgency.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unknownUser.StatusCode.Should().Be(HttpStatusCode.NotFound);
        ofDisabled.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ofDisabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("user.disabled");
        demoteSelf.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await demoteSelf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("user.cannot-remove-own-administrator");
        byCaseworker.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK, "a refused change leaves the administrator signed in");
    }
}
