console.error('fixture console error', 42);
throw new Error('fixture uncaught error');
