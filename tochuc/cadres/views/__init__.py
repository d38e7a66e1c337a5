"""Pages of the cadres app, by concept: seats and vacancies, posts, mobility, persons."""
