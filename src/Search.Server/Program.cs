using Search.Server;

await SearchServerApp.Build(args).RunAsync();
