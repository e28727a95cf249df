using Stretching.Web.Data;
using Stretching.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
app.UseApplicationPipeline();
await app.InitializeDatabaseAsync();
await app.RunAsync();

public partial class Program;
