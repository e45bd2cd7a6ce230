using System.Text.Json.Serialization;
using CaseManager.Application;
using CaseManager.Application.Common.Behaviours;
using CaseManager.Application.Common.Security;
using CaseManager.Infrastructure;
using CaseManager.Web.Endpoints;
using CaseManager.Web.Errors;
using CaseManager.Web.OpenApi;
using CaseManager.Web.Pages;
using CaseManager.Web.Security;
using CaseManager.Web.Startup;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication(builder.Configuration);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(IApplicationMarker)];
    options.PipelineBehaviors =
    [
        typeof(LoggingBehaviour<,>),
        typeof(AuthorizationBehaviour<,>),
        typeof(ValidationBehaviour<,>),
        typeof(UnitOfWorkBehaviour<,>),
    ];
});
builder.Services.AddWebSecurity(builder.Configuration);
builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AllowAnonymousToFolder("/Account");
        options.Conventions.AllowAnonymousToPage("/Error");
        options.Conventions.AllowAnonymousToPage("/Accessibility");
        options.Conventions.AuthorizeFolder("/People", Policies.ReadCaseData);
        options.Conventions.AuthorizeFolder("/People/Consents", Policies.WriteCaseData);
        options.Conventions.AuthorizeFolder("/People/Offences", Policies.WriteCaseData);
        options.Conventions.AuthorizeFolder("/People/Outcomes", Policies.WriteCaseData);
        options.Conventions.AuthorizePage("/People/BreakGlass", Policies.BreakGlass);
        options.Conventions.AuthorizeFolder("/Households", Policies.ReadCaseData);
        options.Conventions.AuthorizePage("/Households/Create", Policies.WriteCaseData);
        options.Conventions.AuthorizePage("/Households/AddMember", Policies.WriteCaseData);
        options.Conventions.AuthorizePage("/Households/EndMember", Policies.WriteCaseData);
        options.Conventions.AuthorizePage("/Households/OpenCase", Policies.WriteCaseData);
        options.Conventions.AuthorizeFolder("/Cases", Policies.ReadCaseData);
        options.Conventions.AuthorizePage("/Cases/Open", Policies.WriteCaseData);
        options.Conventions.AuthorizePage("/Cases/EditIom", Policies.WriteCaseData);
        options.Conventions.AuthorizePage("/Cases/Allocate", Policies.ManageCases);
        options.Conventions.AuthorizePage("/Cases/LogIntervention", Policies.WriteCaseData);
        options.Conventions.AuthorizePage("/Cases/Family/RecordLocalCriterion", Policies.WriteCaseData);
        options.Conventions.AuthorizeFolder("/Cases/Treatment", Policies.WriteCaseData);
        options.Conventions.AuthorizeFolder("/Cases/Nominate", Policies.WriteCaseData);
        options.Conventions.AuthorizeFolder("/Cases/Exits", Policies.ManageCases);
        options.Conventions.AuthorizeFolder("/Reports", Policies.ReadCaseData);
        options.Conventions.AuthorizePage("/Reports/Partnership", Policies.PartnershipReport);
        options.Conventions.AuthorizeFolder("/Reviews", Policies.ReadCaseData);
        options.Conventions.AuthorizePage("/Reviews/Complete", Policies.WriteCaseData);
        options.Conventions.AuthorizeFolder("/Governance", Policies.InformationGovernance);
        options.Conventions.AuthorizeFolder("/Claims", Policies.Claims);
        options.Conventions.AuthorizeFolder("/Admin", Policies.Administer);
    })
    .AddMvcOptions(options => options.Filters.Add<PageExceptionFilter>());
builder.Services.AddSingleton<LocalTime>();
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "CaseManager.Antiforgery";
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    // Numbers are JSON numbers: the web default also reads "12" for 12, which made every integer ["integer","string"] in the document.
    options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddCaseManagerOpenApi();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

await StartupTasks.RunAsync(app);

if (app.Configuration.GetValue("Hosting:BehindProxy", false))
{
    // TLS ends at the proxy: trust its X-Forwarded-* headers so that cookies are marked Secure and links use https.
    var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
    forwarded.KnownIPNetworks.Clear();
    forwarded.KnownProxies.Clear();
    app.UseForwardedHeaders(forwarded);
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler("/Error");

// An empty error response becomes problem details for the API and a GOV.UK error page for people.
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseStaticFiles();
app.UseRouting();
app.UseMiddleware<QueryEnumBinding>();
app.UseAuthentication();
app.UseMiddleware<ActiveAccountMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference(options => options.WithTitle("CaseManager API")).AllowAnonymous();
}

app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Administer, "/hangfire", new DashboardOptions
{
    DashboardTitle = "CaseManager jobs",
    AppPath = "/admin",
    DisplayStorageConnectionString = false,
});

app.MapAuthEndpoints();
app.MapPeopleEndpoints();
app.MapAdminEndpoints();
app.MapSharingEndpoints();
app.MapCaseEndpoints();
app.MapHouseholdEndpoints();
app.MapFamilyEndpoints();
app.MapTreatmentEndpoints();
app.MapOutcomeEndpoints();
app.MapReviewEndpoints();
app.MapMeEndpoints();
app.MapReportEndpoints();
app.MapClaimEndpoints();
app.MapRazorPages();

await app.RunAsync();
return 0;

/// <summary>The web host's entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
